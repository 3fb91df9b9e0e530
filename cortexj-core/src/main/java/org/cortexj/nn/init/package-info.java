/**
 * Weight initializers (LeCun, He/Kaiming, Xavier/Glorot, uniform, normal, constant) that draw
 * from a seeded {@link org.cortexj.tensor.Generator}, and the fan computation they share.
 */
package org.cortexj.nn.init;
