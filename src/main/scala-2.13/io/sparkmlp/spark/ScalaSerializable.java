package io.sparkmlp.spark;

/**
 * Serializable as Scala 2.13 code tests it ({@code isInstanceOf[Serializable]}), which is
 * java.io.Serializable; Scala 2.12's is scala.Serializable (src/main/scala-2.12). Spark 3.5
 * requires it of a partition coalescer ({@link SlotGroups}).
 */
interface ScalaSerializable extends java.io.Serializable {}
