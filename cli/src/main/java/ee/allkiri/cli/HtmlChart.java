package ee.allkiri.cli;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;

/**
 * The per-day bar chart of the HTML report, drawn as inline SVG (no script needed): every day
 * of the window, empty days included, a y-axis with round ticks and gridlines, a date label
 * every few days, and each bar's day and count in its title and {@code data-} attributes.
 */
final class HtmlChart {

    private static final int PLOT_HEIGHT = 160;
    private static final int LEFT = 44;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;

    private HtmlChart() {
    }

    /**
     * The chart, or a sentence when there is nothing to draw.
     *
     * @param perDay counts per day
     * @param first  the first day to show (the window's start), or null for the first day counted
     * @param last   the last day to show (the window's end), or null for the last day counted
     * @param label  what is counted, for the axis
     */
    static String svg(SortedMap<LocalDate, Integer> perDay, LocalDate first, LocalDate last, String label) {
        LocalDate from = first != null ? first : perDay.isEmpty() ? null : perDay.firstKey();
        LocalDate to = last != null ? last : perDay.isEmpty() ? null : perDay.lastKey();
        if (from == null || to == null) {
            return "<p class=\"muted\" id=\"no-chart\">No dated signatures.</p>";
        }
        if (!perDay.isEmpty()) {
            from = from.isAfter(perDay.firstKey()) ? perDay.firstKey() : from;
            to = to.isBefore(perDay.lastKey()) ? perDay.lastKey() : to;
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int max = perDay.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int tick = tick(max);
        int top = Math.max(tick, (max + tick - 1) / tick * tick);
        int step = Math.max(3, Math.min(40, 960 / days));
        int width = LEFT + days * step + 8;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"per-day\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" data-days=\"").append(days).append("\" data-first=\"").append(from).append("\" data-last=\"")
                .append(to).append("\"><title>").append(Html.text(label)).append("</title>");
        for (int v = 0; v <= top; v += tick) {
            int y = TOP + PLOT_HEIGHT - v * PLOT_HEIGHT / top;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - 4).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y).append("\"/>");
            svg.append("<text class=\"y-tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\">").append(v).append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>");
        int labelEvery = Math.max(1, (int) Math.ceil(44.0 / step));
        LocalDate day = from;
        for (int i = 0; i < days; i++, day = day.plusDays(1)) {
            int n = perDay.getOrDefault(day, 0);
            int h = n * PLOT_HEIGHT / top;
            int x = LEFT + i * step + 1;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(TOP + PLOT_HEIGHT - h).append("\" width=\"")
                    .append(Math.max(1, step - 2)).append("\" height=\"").append(h).append("\" data-day=\"").append(day)
                    .append("\" data-count=\"").append(n).append("\"><title>").append(day).append(": ").append(n)
                    .append("</title></rect>");
            if (i % labelEvery == 0) {
                svg.append("<text class=\"x-tick\" x=\"").append(x).append("\" y=\"").append(TOP + PLOT_HEIGHT + 14)
                        .append("\">").append(day.toString().substring(5))
                        .append("</text>");
            }
        }
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT).append("\" y=\"").append(height - 4).append("\">")
                .append(Html.text(label + ", " + from + " to " + to)).append("</text>");
        return svg.append("</svg>").toString();
    }

    /** A round tick step (1, 2, 5 times a power of ten) giving at most five ticks. */
    static int tick(int max) {
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (max <= step * m * 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    /** The map as a sorted one. */
    static SortedMap<LocalDate, Integer> sorted(Map<LocalDate, Integer> perDay) {
        return new java.util.TreeMap<>(perDay);
    }
}
