package se.insatsnavet.hub.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which municipalities border which, from the boundaries of the hub's own map ({@link SwedenMap}): two
 * municipalities are neighbours when their outlines share at least {@value #SHARED_POINTS} vertices (the map's
 * simplified boundaries keep the vertices of a common border in both outlines). Computed once; immutable.
 */
public final class MunicipalityNeighbours {

    /** Vertices two outlines must share to count as a common border (one shared point may be a corner). */
    static final int SHARED_POINTS = 2;
    private static final Pattern TOKEN = Pattern.compile("[MmLlZzHhVv]|-?[0-9]+(?:\\.[0-9]+)?");

    private final Map<String, Set<String>> neighbours;

    private MunicipalityNeighbours(Map<String, Set<String>> neighbours) {
        this.neighbours = neighbours;
    }

    /** The neighbours of every municipality of {@code map}. */
    public static MunicipalityNeighbours of(SwedenMap map) {
        Map<Long, List<String>> byPoint = new HashMap<>();
        map.municipalities().forEach((code, area) -> {
            for (long point : points(area.path())) {
                byPoint.computeIfAbsent(point, p -> new ArrayList<>(2)).add(code);
            }
        });
        Map<String, Map<String, Integer>> shared = new HashMap<>();
        for (List<String> codes : byPoint.values()) {
            for (String a : codes) {
                for (String b : codes) {
                    if (!a.equals(b)) {
                        shared.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Set<String>> out = new TreeMap<>();
        shared.forEach((code, counts) -> {
            Set<String> n = new TreeSet<>();
            counts.forEach((other, count) -> {
                if (count >= SHARED_POINTS) {
                    n.add(other);
                }
            });
            out.put(code, Collections.unmodifiableSet(n));
        });
        return new MunicipalityNeighbours(Collections.unmodifiableMap(out));
    }

    /** The SCB codes of the municipalities bordering {@code municipality} (none when unknown). */
    public Set<String> of(String municipality) {
        return neighbours.getOrDefault(municipality, Set.of());
    }

    /** The distinct vertices of SVG path data (absolute and relative move/line commands), each packed in a long. */
    static Set<Long> points(String d) {
        Set<Long> points = new HashSet<>();
        Matcher m = TOKEN.matcher(d);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        char command = 'M';
        boolean firstOfMove = true;
        for (int i = 0; i < tokens.size(); ) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                firstOfMove = command == 'M' || command == 'm';
                i++;
                if (command == 'Z' || command == 'z') {
                    x = startX;
                    y = startY;
                }
                continue;
            }
            switch (command) {
                case 'H' -> { x = Double.parseDouble(t); i++; }
                case 'h' -> { x += Double.parseDouble(t); i++; }
                case 'V' -> { y = Double.parseDouble(t); i++; }
                case 'v' -> { y += Double.parseDouble(t); i++; }
                default -> {
                    if (i + 1 >= tokens.size()) {
                        return points;
                    }
                    double a = Double.parseDouble(t);
                    double b = Double.parseDouble(tokens.get(i + 1));
                    i += 2;
                    boolean relative = Character.isLowerCase(command);
                    x = relative ? x + a : a;
                    y = relative ? y + b : b;
                    if (firstOfMove) {
                        startX = x;
                        startY = y;
                        firstOfMove = false;
                        // further pairs after a move are lines
                        command = relative ? 'l' : 'L';
                    }
                }
            }
            points.add((Math.round(x) << 32) ^ (Math.round(y) & 0xffffffffL));
        }
        return points;
    }
}
