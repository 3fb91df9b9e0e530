/**
 * Learning-rate schedules: functions from the optimizer step count to a learning rate,
 * applied with {@link org.cortexj.optim.schedule.LearningRateSchedule#applyTo} before each step.
 */
package org.cortexj.optim.schedule;
