package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static io.sparkmlp.testing.Expect.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header-dict parser: what NumPy and other writers put in a .npy header. */
class PyLiteralTest {

  @Test
  void numpysOwnHeader() {
    Object v = PyLiteral.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"
        + "          \n");
    assertEquals(Map.of("descr", "<f8", "fortran_order", false,
        "shape", new PyLiteral.Tuple(List.of(3L, 4L))), v);
  }

  @Test
  void anyKeyOrderSpacingQuotesAndTrailingCommas() {
    Object v = PyLiteral.parse("{ \"shape\":(5 ,) ,'fortran_order' :True,'descr':\"|b1\" ,}\0\0");
    assertEquals(Map.of("descr", "|b1", "fortran_order", true,
        "shape", new PyLiteral.Tuple(List.of(5L))), v);
  }

  @Test
  void tuplesGroupsListsAndScalars() {
    assertEquals(new PyLiteral.Tuple(List.of()), PyLiteral.parse("()"));
    assertEquals(7L, PyLiteral.parse("(7)"));  // parentheses without a comma only group
    assertEquals(new PyLiteral.Tuple(List.of(2L, 3L)), PyLiteral.parse("(2L, 3L,)"));
    assertEquals(List.of(List.of("a", "<f4"), -1L), PyLiteral.parse("[['a', '<f4'], -1]"));
    assertNull(PyLiteral.parse("None"));
    assertEquals("it's", PyLiteral.parse("'it\\'s'"));
  }

  @Test
  void reprIsPythons() {
    assertEquals("(5,)", PyLiteral.repr(new PyLiteral.Tuple(List.of(5L))));
    assertEquals("[('a', '<f4'), 'x']", PyLiteral.repr(PyLiteral.parse("[('a', '<f4'), 'x']")));
    assertEquals("{'k': True}", PyLiteral.repr(PyLiteral.parse("{'k': True}")));
  }

  @Test
  void errorsSayWhatWasExpectedWhere() {
    assertMessage("expected ':' at character 5 but found '}'", () -> PyLiteral.parse("{'a' }"));
    assertMessage("expected end of the literal at character 3 but found 'x'",
        () -> PyLiteral.parse("{} x"));
    assertMessage("expected a closing ' for the string that starts at character 1 at character 7 "
        + "but found the end", () -> PyLiteral.parse("{'a: 1}"));
    assertFails(() -> PyLiteral.parse("{'a': Nonsense}"), "expected a value at character ",
        " but found 'N'");
  }
}
