/**
 * Workspaces read from a git revision without a checkout ({@code prepare --git-rev}), and a
 * recipe's history over commits ({@code jchef history}). For jchef's modules only.
 */
package dev.jchef.recipe.git;
