package io.sanliu.model.credit;

/**
 * One factor's part of a score: the points it adds (negative: takes away) and the figure behind
 * them, so that "why did the grade drop" reads off the profile.
 *
 * @param factor which factor
 * @param points points added to the base score
 * @param figure the factor's value (a rate, an amount, a weighted count)
 * @param observations how much evidence the figure rests on (decayed counts)
 * @param explanation one line in English with the numbers
 */
public record Contribution(
    CreditFactor factor, double points, double figure, double observations, String explanation) {}
