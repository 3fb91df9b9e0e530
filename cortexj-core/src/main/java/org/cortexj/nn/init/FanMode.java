package org.cortexj.nn.init;

/** Choice of the fan that a variance-scaling initializer divides by. */
public enum FanMode {
    /** Inputs per output unit: keeps the variance of activations in the forward pass. */
    FAN_IN,
    /** Outputs per input unit: keeps the variance of gradients in the backward pass. */
    FAN_OUT
}
