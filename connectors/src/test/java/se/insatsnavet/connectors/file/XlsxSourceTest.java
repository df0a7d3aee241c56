package se.insatsnavet.connectors.file;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxSourceTest {

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    private SourceBatch read(Path file, String options) throws Exception {
        return assertInstanceOf(FileSourceEndpoint.class,
                context.getEndpoint("insats-file:sodertorn/excel?path=RAW(" + file + ")" + options)).read();
    }

    private Path workbook() throws IOException {
        Path file = dir.resolve("insatser.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Läs mig");
            Sheet sheet = workbook.createSheet("Insatser");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            String[] names = {"Id", "Namn", "Ålder från", "Remiss", "Uppdaterad"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("SOD-1");
            first.createCell(1).setCellValue("Föräldrastöd i Huddinge");
            first.createCell(2).setCellValue(16);
            first.createCell(3).setCellValue(true);
            first.createCell(4).setCellValue(LocalDate.of(2026, 3, 1));
            first.getCell(4).setCellStyle(dateStyle);
            sheet.createRow(2);
            Row second = sheet.createRow(3);
            second.createCell(0).setCellValue("SOD-2");
            second.createCell(1).setCellValue("Jobbstart");
            second.createCell(2).setCellFormula("10+8");
            Row bad = sheet.createRow(4);
            bad.createCell(0).setCellValue("SOD-3");
            bad.createCell(7).setCellValue("utan rubrik");
            workbook.write(out);
        }
        return file;
    }

    @Test
    void readsTheNamedSheetWithTypedCells() throws Exception {
        SourceBatch batch = read(workbook(), "&sheet=Insatser");
        assertEquals(2, batch.records().size());
        RawRecord first = batch.records().get(0);
        assertEquals("sheet 'Insatser' row 2", first.locator());
        assertEquals("Föräldrastöd i Huddinge", first.get("Namn"));
        assertEquals(16L, first.get("Ålder från"));
        assertEquals(true, first.get("Remiss"));
        assertEquals("2026-03-01", first.get("Uppdaterad"));
        assertEquals("sheet 'Insatser' row 4", batch.records().get(1).locator());
    }

    @Test
    void aFormulaGivesItsValueAndAValueWithoutHeaderIsAProblem() throws Exception {
        Path file = workbook();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        SourceBatch batch = read(file, "&sheet=Insatser");
        assertEquals(18L, batch.records().get(1).get("Ålder från"));
        assertEquals("sheet 'Insatser' row 5", batch.problems().get(0).locator());
        assertEquals("column 8", batch.problems().get(0).field());
    }

    @Test
    void aMissingSheetOrAFileThatIsNotAWorkbookFailsClearly() throws Exception {
        IOException missing = assertThrows(IOException.class, () -> read(workbook(), "&sheet=Saknas"));
        assertTrue(missing.getMessage().contains("no sheet named 'Saknas' (sheets: [Läs mig, Insatser])"), missing.getMessage());
        Path fake = Files.writeString(dir.resolve("fake.xlsx"), "Id;Namn\n1;x\n");
        IOException notXlsx = assertThrows(IOException.class, () -> read(fake, ""));
        assertTrue(notXlsx.getMessage().contains("xlsx"), notXlsx.getMessage());
    }
}
