package bench;

import java.util.List;

/** Prints each UA's class per parser against the expected class, and the hit counts. */
public final class Correctness {
    public static void main(String[] args) {
        List<Uas.Row> rows = Uas.rows();
        Object uap = Parsers.build("uap");
        Object yauaa = Parsers.build("yauaa");
        int okUap = 0;
        int okYauaa = 0;
        for (Uas.Row row : rows) {
            String a = Parsers.classify(uap, row.ua());
            String b = Parsers.classify(yauaa, row.ua());
            okUap += a.equals(row.expected()) ? 1 : 0;
            okYauaa += b.equals(row.expected()) ? 1 : 0;
            System.out.printf("%-8s uap=%-8s%s yauaa=%-8s%s  %s%n    uap:   %s%n    yauaa: %s%n", row.expected(),
                    a, a.equals(row.expected()) ? " " : "X", b, b.equals(row.expected()) ? " " : "X",
                    row.ua().length() > 90 ? row.ua().substring(0, 90) + "..." : row.ua(),
                    Parsers.describe(uap, row.ua()), Parsers.describe(yauaa, row.ua()));
        }
        System.out.printf("correct: uap-java %d/%d, yauaa %d/%d%n", okUap, rows.size(), okYauaa, rows.size());
    }
}
