package ee.allkiri.cli;

/**
 * How a format lays the report out.
 *
 * @param summary      text: counts only, no block per container
 * @param csvSeparator CSV: the field separator, {@code ,} or {@code ;}
 */
record Rendering(boolean summary, char csvSeparator) {

    static final Rendering DEFAULT = new Rendering(false, ',');

    Rendering {
        if (csvSeparator != ',' && csvSeparator != ';') {
            throw new IllegalArgumentException("the CSV separator is ',' or ';'");
        }
    }
}
