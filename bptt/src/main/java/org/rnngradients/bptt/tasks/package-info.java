/** Seeded long-range tasks: the adding problem (two forms), the stretched agreement task, the copy task. */
package org.rnngradients.bptt.tasks;
