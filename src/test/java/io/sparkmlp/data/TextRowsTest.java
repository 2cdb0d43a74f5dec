package io.sparkmlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One line of CSV or LIBSVM, judged as training reads it. */
class TextRowsTest {
  private static final List<String> NAMES = List.of("a", "b", "label");

  @Test
  void csvFieldsFollowRfc4180() {
    assertEquals(List.of("1", "x,y", "say \"hi\"", ""), TextRows.csvFields("1,\"x,y\",\"say \"\"hi\"\"\","));
    assertNull(TextRows.csvFields("1,\"open"), "a quoted field that runs past the line");
  }

  @Test
  void csvProblemsNameWhatIsWrong() {
    int[] numeric = {0, 1, 2};
    assertNull(TextRows.csvProblem("1.5,-2e3,0\r", 3, numeric, NAMES));
    assertEquals("has 4 columns, expected 3", TextRows.csvProblem("1,2,3,4", 3, numeric, NAMES));
    assertEquals("column 'b' holds 'abc', expected a number",
        TextRows.csvProblem("1,abc,0", 3, numeric, NAMES));
    assertEquals("column 'label' holds nothing, expected a number",
        TextRows.csvProblem("1,2, ", 3, numeric, NAMES));
    assertEquals("a quoted field continues past the end of the line (line breaks inside quotes "
        + "are not supported)", TextRows.csvProblem("1,\"2", 3, numeric, NAMES));
    assertNull(TextRows.csvProblem("1,text,0", 3, new int[] {0, 2}, NAMES),
        "a column training does not read may hold anything");
  }

  @Test
  void libsvmProblemsNameWhatIsWrong() {
    assertNull(TextRows.libsvmProblem("1 1:0.5 3:2 # a comment", 3));
    assertNull(TextRows.libsvmProblem("   ", null));
    assertNull(TextRows.libsvmProblem("# only a comment", null));
    assertEquals("label 'x' is not a number", TextRows.libsvmProblem("x 1:1", null));
    assertEquals("index 0 is below 1 (LIBSVM indices start at 1)",
        TextRows.libsvmProblem("1 0:1", null));
    assertEquals("index -2 is below 1 (LIBSVM indices start at 1)",
        TextRows.libsvmProblem("1 -2:1", null));
    assertEquals("index 2 follows 3 (indices must increase)",
        TextRows.libsvmProblem("1 3:1 2:1", null));
    assertEquals("index 2 follows 2 (indices must increase)",
        TextRows.libsvmProblem("1 2:1 2:1", null));
    assertEquals("index 8 is beyond num_features 3", TextRows.libsvmProblem("1 8:1", 3));
    assertEquals("'7' is not index:value", TextRows.libsvmProblem("1 7", null));
    assertEquals("index 'a' is not an integer", TextRows.libsvmProblem("1 a:1", null));
    assertEquals("value 'q' of index 2 is not a number", TextRows.libsvmProblem("1 2:q", null));
  }
}
