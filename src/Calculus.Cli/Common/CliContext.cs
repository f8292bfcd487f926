using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Common;

/// <summary>The network gradient the CLI checks and prints; <see cref="Network.Gradient(MathNet.Numerics.LinearAlgebra.Matrix{double}, MathNet.Numerics.LinearAlgebra.Vector{double}, MathNet.Numerics.LinearAlgebra.Vector{double}, MathNet.Numerics.LinearAlgebra.Vector{double}, double, ScalarFunction?, IMarginLoss)"/> except in tests, which pass a
/// deliberately wrong one to see <c>gradcheck</c> fail.</summary>
internal delegate NetworkGradient GradientFunction(
    Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y, ScalarFunction activation, IMarginLoss loss);

/// <summary>Where a command reads and writes, the gradient under test, whether a person watches the output (progress
/// lines are written only then), the clock that times the training (the system's; null is the system's too), and the
/// sheet that verify checks: the subject process itself (null), except in tests, which wrap it to provoke a fault of the
/// checker. <paramref name="ProgressLines"/>: standard error is not a terminal (a CI log), so verify writes one progress
/// line per item there, not a line rewritten in place.</summary>
internal sealed record CliContext(
    TextReader Input, TextWriter Output, TextWriter Error, GradientFunction Gradient, bool Interactive = false, TimeProvider? Clock = null,
    Func<Verification.Sheet.ISheet, Verification.Sheet.ISheet>? VerifiedSheet = null, bool ProgressLines = false);
