package io.sparkmlp.spark.source;

import io.sparkmlp.data.TextRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Reads a CSV or LIBSVM input once, line by line on the executors, before training, and fails
 * with {@code path line N: problem} for the first bad line ({@link TextRows} says what is
 * wrong). Spark's own readers would stop the first job that meets the row with a generic
 * {@code FAILED_READ_FILE} error and pages of executor logs. Lines are numbered from 1 in the
 * order Spark reads them: within a file, or across the files of a directory in their order.
 */
public final class TextDataCheck {
  private TextDataCheck() {}

  /**
   * Checks a CSV file whose header (or first line) gives the columns; numericNames are the
   * columns training reads as numbers, null for all.
   */
  public static void csv(JavaSparkContext jsc, String path, boolean header,
                         List<String> numericNames) {
    if (!exists(jsc, path)) {
      return;  // Spark's reader names the missing path, as it always has
    }
    JavaRDD<String> lines = jsc.textFile(path);
    List<String> first = lines.take(1);
    if (first.isEmpty()) {
      return;  // an empty input is reported by the reader
    }
    List<String> cols = TextRows.csvFields(first.get(0));
    if (cols == null) {
      throw bad(path, 1, "a quoted field continues past the end of the line");
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      names.add(header ? cols.get(c).trim() : "_c" + c);
    }
    int[] numeric = (numericNames == null ? names : numericNames).stream()
        .mapToInt(names::indexOf).filter(i -> i >= 0).toArray();
    int width = cols.size();
    check(lines, path, header ? 1 : 0, line -> TextRows.csvProblem(line, width, numeric, names));
  }

  /** Checks a LIBSVM file. */
  public static void libsvm(JavaSparkContext jsc, String path, Integer numFeatures) {
    if (!exists(jsc, path)) {
      return;
    }
    check(jsc.textFile(path), path, 0, line -> TextRows.libsvmProblem(line, numFeatures));
  }

  /** Whether path (a file, a directory or a glob) names anything. */
  private static boolean exists(JavaSparkContext jsc, String path) {
    try {
      Path p = new Path(path);
      FileStatus[] found = p.getFileSystem(jsc.hadoopConfiguration()).globStatus(p);
      return found != null && found.length > 0;
    } catch (IOException | IllegalArgumentException e) {
      return false;  // the reader reports what is wrong with the path
    }
  }

  private interface LineCheck extends java.io.Serializable {
    String problem(String line);
  }

  /** The first bad line (by number) of each partition, then the first of all. */
  private static void check(JavaRDD<String> lines, String path, long skip, LineCheck check) {
    List<Tuple2<Long, String>> found = lines.zipWithIndex().mapPartitions(it -> {
      while (it.hasNext()) {
        Tuple2<String, Long> t = it.next();
        if (t._2() < skip) {
          continue;
        }
        String problem = check.problem(t._1());
        if (problem != null) {
          return Collections.singletonList(new Tuple2<>(t._2() + 1, problem)).iterator();
        }
      }
      return Collections.<Tuple2<Long, String>>emptyIterator();
    }).collect();
    found.stream().min(Comparator.comparing(Tuple2::_1)).ifPresent(t -> {
      throw bad(path, t._1(), t._2());
    });
  }

  private static IllegalArgumentException bad(String path, long line, String problem) {
    return new IllegalArgumentException(path + " line " + line + ": " + problem);
  }
}
