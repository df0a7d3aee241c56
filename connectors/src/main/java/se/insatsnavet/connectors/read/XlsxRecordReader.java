package se.insatsnavet.connectors.read;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Excel {@code .xlsx} workbooks (Apache POI): one sheet (the first, or the one named), its first non-empty row
 * as the header, every following non-empty row a record. Cells keep their type: text, whole numbers as
 * {@link Long}, other numbers as {@link BigDecimal}, booleans, dates as ISO dates ({@code 2026-03-01}, with
 * the time only when it is not midnight), formulas as their cached value. POI's own limits guard against zip
 * bombs and its XML parsing refuses external entities.
 */
public final class XlsxRecordReader {

    private XlsxRecordReader() {
    }

    /**
     * @param sheetName the sheet to read, or {@code null} for the first
     * @throws IOException if the bytes are not an .xlsx workbook or the sheet does not exist
     */
    public static RecordReader.Result read(byte[] bytes, String sheetName) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = sheetName == null || sheetName.isBlank() ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                throw new IOException("the workbook has no sheet named '" + sheetName + "' (sheets: " + names + ")");
            }
            return read(sheet);
        } catch (NotOfficeXmlFileException e) {
            throw new IOException("not an .xlsx workbook (" + e.getMessage() + ")", e);
        } catch (POIXMLException | IllegalArgumentException e) {
            throw new IOException("cannot read the workbook: " + e.getMessage(), e);
        }
    }

    private static RecordReader.Result read(Sheet sheet) {
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        List<String> header = null;
        String prefix = "sheet '" + sheet.getSheetName() + "' row ";
        for (Row row : sheet) {
            List<Object> values = new ArrayList<>();
            boolean empty = true;
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                Object value = value(row.getCell(c));
                values.add(value);
                empty &= value == null;
            }
            if (empty) {
                continue;
            }
            String locator = prefix + (row.getRowNum() + 1);
            if (header == null) {
                header = new ArrayList<>();
                for (Object value : values) {
                    header.add(value == null ? "" : value.toString().strip());
                }
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                if (c >= header.size() || header.get(c).isEmpty()) {
                    problems.add(new SourceProblem(locator, "column " + (c + 1),
                            "a value in a column without a header; the row was not read"));
                    fields = null;
                    break;
                }
                fields.put(header.get(c), value);
            }
            if (fields != null) {
                records.add(new RawRecord(locator, fields));
            }
        }
        return new RecordReader.Result(records, problems);
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> {
                String text = cell.getStringCellValue().strip();
                yield text.isEmpty() ? null : text;
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime date = cell.getLocalDateTimeCellValue();
                    yield date.toLocalTime().toSecondOfDay() == 0 ? date.toLocalDate().toString() : date.toString();
                }
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                yield number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? (Object) number.longValue() : number;
            }
            default -> null;
        };
    }
}
