// Build this project and check it with calculus verify (docs/protocol.md), from the repository's root:
//
//     dotnet build templates/csharp
//     calculus verify --exec "dotnet templates/csharp/bin/Debug/net10.0/solution.dll"
namespace Solution;

/// <summary>Your implementation of exercise sheet 4. Every member throws NotImplementedException, which the protocol loop
/// (Program.cs) answers as "not implemented": calculus verify reports those items as not-implemented, never as failures.
/// Fill in the bodies one at a time and run calculus verify again (docs/protocol.md).</summary>
public static class Sheet
{
    // 1a–1c: u = Wx + b, W as h rows of d numbers.
    public static double[] Affine(double[][] w, double[] b, double[] x) => throw new NotImplementedException();

    public static double[] AffinePartialW(double[][] w, double[] b, double[] x, int i, int j) => throw new NotImplementedException();

    public static double[] AffinePartialB(double[][] w, double[] b, double[] x, int i) => throw new NotImplementedException();

    public static double[] AffinePartialX(double[][] w, double[] b, double[] x, int i) => throw new NotImplementedException();

    // 1d: σ(x) = 1/(1 + e^(−x)).
    public static double Sigmoid(double x) => throw new NotImplementedException();

    public static double SigmoidDerivative(double x) => throw new NotImplementedException();

    // 2a–2g.
    public static double Tanh(double x) => throw new NotImplementedException();

    public static double TanhDerivative(double x) => throw new NotImplementedException();

    public static double Erf(double x) => throw new NotImplementedException();

    public static double ErfDerivative(double x) => throw new NotImplementedException();

    public static double Relu(double x) => throw new NotImplementedException();

    /// <summary>At the kink x = 0 any value in [0, 1] is right.</summary>
    public static double ReluDerivative(double x) => throw new NotImplementedException();

    public static double LeakyRelu(double x) => throw new NotImplementedException();

    public static double LeakyReluDerivative(double x) => throw new NotImplementedException();

    /// <summary>max(α(x + c) − c, min(α(x − c) + c, x)).</summary>
    public static double Plu(double x, double alpha, double c) => throw new NotImplementedException();

    public static double PluDerivative(double x, double alpha, double c) => throw new NotImplementedException();

    public static double Sin(double x) => throw new NotImplementedException();

    public static double SinDerivative(double x) => throw new NotImplementedException();

    /// <summary>e^(−x²).</summary>
    public static double Gaussian(double x) => throw new NotImplementedException();

    public static double GaussianDerivative(double x) => throw new NotImplementedException();

    // 3b–3c: losses of a margin t.
    /// <summary>ln(1 + e^x).</summary>
    public static double Softplus(double x) => throw new NotImplementedException();

    public static double SoftplusDerivative(double x) => throw new NotImplementedException();

    /// <summary>l(t) = ln(1 + e^(−t)).</summary>
    public static double Logistic(double t) => throw new NotImplementedException();

    public static double LogisticDerivative(double t) => throw new NotImplementedException();

    /// <summary>max(0, 1 − t).</summary>
    public static double Hinge(double t) => throw new NotImplementedException();

    /// <summary>A subgradient: at t = 1 any value in [−1, 0] is right.</summary>
    public static double HingeDerivative(double t) => throw new NotImplementedException();

    /// <summary>h*(t) = ln(1 + e^(1 − t)).</summary>
    public static double SmoothHinge(double t) => throw new NotImplementedException();

    public static double SmoothHingeDerivative(double t) => throw new NotImplementedException();

    // 1e: ℓ(a; y) = log(1 + e^(−y·a)) and f_e(a) = ∂ℓ/∂a.
    public static double LabelLogistic(double a, double y) => throw new NotImplementedException();

    public static double LabelLogisticDerivative(double a, double y) => throw new NotImplementedException();

    // 3a: ln(e^(a_1) + … + e^(a_n)).
    public static double LogSumExp(double[] a) => throw new NotImplementedException();

    /// <summary>1f: L = loss(wᵀ act(Wx + b), y) and its gradient (NetworkResult, Results.cs). activation names a scalar
    /// function above ("sigmoid", "tanh", …; "plu" with α = 0.1, c = 1); loss is "logistic" (the sheet's log(1 + exp(−yz))),
    /// "smooth-hinge" or "hinge" of the margin yz.</summary>
    public static NetworkResult Network(double[][] w, double[] b, double[] wout, double[] x, double y, string activation, string loss) =>
        throw new NotImplementedException();

    /// <summary>4: one full-batch gradient step on the mean loss over the rows of X (StepResult, Results.cs).</summary>
    public static StepResult GdStep(double[][] w, double[] b, double[] wout, double[][] xs, double[] ys, double lr, string activation, string loss) =>
        throw new NotImplementedException();
}
