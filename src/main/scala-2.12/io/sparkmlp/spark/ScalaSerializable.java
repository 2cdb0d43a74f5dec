package io.sparkmlp.spark;

/**
 * Serializable as Scala 2.12 code tests it: {@code isInstanceOf[Serializable]} there means
 * {@code scala.Serializable}, which Spark 3.5 requires of a partition coalescer
 * ({@link SlotGroups}). On Scala 2.13 the same name is java.io.Serializable
 * (src/main/scala-2.13); the pom adds the directory of the Scala version it builds for.
 */
interface ScalaSerializable extends scala.Serializable {}
