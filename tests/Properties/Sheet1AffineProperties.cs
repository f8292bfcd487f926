using MathNet.Numerics.Differentiation;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Properties;

/// <summary>Sheet 1a–1c: the partial derivatives of u = Wx + b.</summary>
/// <remarks>u is linear in W, b and x, so a central difference has no truncation error: only the rounding of the two
/// values of u and of the step. MathNet's default relative step is h ≥ ε^(1/3) ≈ 6e-6, so the quotient is within
/// <see cref="Tolerances.LinearUlps"/>·ε·max|u|/h + ε^(2/3)·|J| (the rounded step) of the exact partial.</remarks>
public sealed class Sheet1AffineProperties
{
    private sealed record Affine(Matrix<double> W, Vector<double> X, Vector<double> B, int I, int J)
    {
        public override string ToString() =>
            $"W = [{string.Join("; ", W.EnumerateRows().Select(r => string.Join(", ", r.Select(R))))}], x = [{string.Join(", ", X.Select(R))}], " +
            $"b = [{string.Join(", ", B.Select(R))}], i = {I}, j = {J}";
    }

    private static readonly Gen<Affine> Maps =
        from h in Gen.Choose(1, 16)
        from d in Gen.Choose(1, 16)
        from scale in Gen.Elements(0.1, 1.0, 3.0)
        from w in Generators.Matrix(h, d, scale)
        from x in Generators.Vector(d, scale)
        from b in Generators.Vector(h, scale)
        from i in Gen.Choose(0, h - 1)
        from j in Gen.Choose(0, d - 1)
        select new Affine(w, x, b, i, j);

    private static double LinearTolerance(Vector<double> u, double derivative) =>
        (Tolerances.LinearUlps * Tolerances.Epsilon * (u.AbsoluteMaximum() + 1) / Math.Cbrt(Tolerances.Epsilon) / 2)
        + (Math.Pow(Tolerances.Epsilon, 2.0 / 3.0) * Math.Abs(derivative));

    /// <summary>The numerical Jacobian of u with respect to the vector the function takes, by MathNet.</summary>
    private static double[,] NumericJacobian(int outputs, Func<double[], Vector<double>> u, double[] at)
    {
        var components = Enumerable.Range(0, outputs).Select(k => (Func<double[], double>)(p => u(p)[k])).ToArray();
        return new NumericalJacobian().Evaluate(components, at);
    }

    private static Property JacobianMatches(string property, Affine m, double[,] numeric, Func<int, int, double> closedForm)
    {
        var u = AffineMap.Apply(m.W, m.X, m.B);
        for (int r = 0; r < numeric.GetLength(0); r++)
        {
            for (int c = 0; c < numeric.GetLength(1); c++)
            {
                double exact = closedForm(r, c);
                double tolerance = LinearTolerance(u, exact);
                if (!(Math.Abs(numeric[r, c] - exact) <= tolerance))
                {
                    return false.Label($"{property} at {m}: entry ({r}, {c}): closed form {R(exact)}, numeric {R(numeric[r, c])}, tolerance {R(tolerance)}");
                }
            }
        }

        return true.Label(property);
    }

    [VectorProperty]
    public Property Sheet1a_PartialWeight_IsXjInRowI_AndMatchesFiniteDifference() =>
        Prop.ForAll(Arb.From(Maps), m =>
        {
            var partial = AffineMap.PartialWeight(m.W, m.X, m.I, m.J);
            bool closedForm = partial.Count == m.W.RowCount
                && Enumerable.Range(0, partial.Count).All(k => partial[k] == (k == m.I ? m.X[m.J] : 0.0));
            var numeric = NumericJacobian(m.W.RowCount, p =>
            {
                var w = m.W.Clone();
                w[m.I, m.J] = p[0];
                return AffineMap.Apply(w, m.X, m.B);
            }, [m.W[m.I, m.J]]);
            return closedForm.Label($"∂u/∂W_ij = x_j e_i at {m}: got [{string.Join(", ", partial.Select(R))}]")
                .And(JacobianMatches("∂u/∂W_ij = FD", m, numeric, (r, _) => partial[r]));
        });

    [VectorProperty]
    public Property Sheet1b_BiasJacobian_IsIdentity_AndMatchesFiniteDifference() =>
        Prop.ForAll(Arb.From(Maps), m =>
        {
            var jacobian = AffineMap.JacobianBias(m.W);
            var partial = AffineMap.PartialBias(m.W, m.I);
            bool closedForm = jacobian.Equals(Matrix<double>.Build.DenseIdentity(m.W.RowCount)) && partial.Equals(jacobian.Column(m.I));
            var numeric = NumericJacobian(m.W.RowCount, p => AffineMap.Apply(m.W, m.X, Vector<double>.Build.DenseOfArray(p)), m.B.ToArray());
            return closedForm.Label($"∂u/∂b = I and ∂u/∂b_i = e_i at {m}")
                .And(JacobianMatches("∂u/∂b = FD", m, numeric, (r, c) => jacobian[r, c]));
        });

    [VectorProperty]
    public Property Sheet1c_InputJacobian_IsW_AndMatchesFiniteDifference() =>
        Prop.ForAll(Arb.From(Maps), m =>
        {
            var jacobian = AffineMap.JacobianInput(m.W);
            bool closedForm = jacobian.Equals(m.W) && AffineMap.PartialInput(m.W, m.J).Equals(m.W.Column(m.J));
            var numeric = NumericJacobian(m.W.RowCount, p => AffineMap.Apply(m.W, Vector<double>.Build.DenseOfArray(p), m.B), m.X.ToArray());
            return closedForm.Label($"∂u/∂x = W and ∂u/∂x_j = W_(·,j) at {m}")
                .And(JacobianMatches("∂u/∂x = FD", m, numeric, (r, c) => jacobian[r, c]));
        });
}
