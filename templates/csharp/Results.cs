namespace Solution;

/// <summary>The loss and gradient of the sheet-1f network; leave a block null until you have implemented it.</summary>
public sealed record NetworkResult(double Loss, double[][]? DW = null, double[]? Db = null, double[]? Dw = null, double[]? Dx = null);

/// <summary>W, b and w after one gradient step.</summary>
public sealed record StepResult(double[][] W, double[] B, double[] Wout);
