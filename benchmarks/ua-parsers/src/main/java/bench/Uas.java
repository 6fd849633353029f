package bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The UA list: expected class TAB user agent, one per line. */
final class Uas {
    record Row(String expected, String ua) {}

    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Uas.class.getResourceAsStream("/uas.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                out.add(new Row(line.substring(0, tab), line.substring(tab + 1)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static String[] uas() {
        return rows().stream().map(Row::ua).toArray(String[]::new);
    }
}
