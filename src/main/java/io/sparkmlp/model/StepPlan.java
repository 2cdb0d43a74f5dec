package io.sparkmlp.model;

import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import java.io.Serializable;
import java.util.List;

/**
 * What every holder of training rows needs to take its part of the steps of one run, fixed
 * before the first step (and broadcast once on Spark).
 *
 * @param network the network and its loss
 * @param metrics the metrics summed with the loss
 * @param seed seeds shuffling and dropout
 * @param stepsPerEpoch steps per epoch; every holder cuts its rows into as many slices
 * @param shuffle whether each epoch visits the rows in a new order
 * @param maxSlice the most rows any holder's slice has: the size of the step buffers
 */
public record StepPlan(Network network, List<Metric> metrics, long seed, int stepsPerEpoch,
                       boolean shuffle, int maxSlice) implements Serializable {}
