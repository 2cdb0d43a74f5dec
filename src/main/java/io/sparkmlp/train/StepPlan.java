package io.sparkmlp.train;

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
 * @param totalRows the rows of all holders together (each holder's share of a minibatch is its
 *     rows over these), or 0 where no steps are taken
 */
public record StepPlan(Network network, List<Metric> metrics, long seed, int stepsPerEpoch,
                       boolean shuffle, int maxSlice, long totalRows) implements Serializable {}
