namespace Calculus.Checking;

/// <summary>How far one computed elementary function value φ(u) (an activation, its derivative, a loss, f_e) may be
/// from the exact value, for an implementation the checks do not know: the error model that every tolerance of the
/// checks is built from.</summary>
/// <remarks>
/// <para>|φ̂(u) − φ(u)| ≤ (Ulps·ε + Relative)·|φ(u)| + Absolute + |φ'(u)|·Ulps·ε·|u| — the evaluation's own rounding,
/// the slack allowed beyond it, and the rounding of the argument inside the implementation (y·a, 1 − t, x·x before
/// the exponential; in single precision the rounding of u itself to a float) carried through φ's conditioning
/// |u·φ'(u)|. ε is that of the <see cref="Precision"/> the implementation computes in.</para>
/// <para>With <see cref="RelativeTails"/> the bound is relative wherever |φ(u)| is a normal number of the precision:
/// the absolute term is dropped there (an absolute slack of 2^-48 would pass σ floored at 1e-20, or 1 − tanh²(20) = 0 in
/// place of 1.7e-17), and below the smallest normal value it is at least that value, the error of a result flushed to
/// zero. A function that crosses zero at a nonzero argument (sin at kπ, 1 − t at 1) needs no absolute term either: the
/// rounding of the argument, |u·φ'(u)|·Ulps·ε, bounds the error there.</para>
/// <para><see cref="Reference"/> is a backward-stable implementation (Relative = Absolute = 0): the library checking
/// itself. <see cref="Student(double, double)"/> adds the slack <c>calculus verify</c> allows a student's code
/// (<see cref="Tolerances.DefaultRelative"/>, <see cref="Tolerances.DefaultAbsolute"/> unless given).</para>
/// </remarks>
/// <param name="Ulps">The evaluation's rounding, in ulp of its value.</param>
/// <param name="Relative">Relative slack beyond it.</param>
/// <param name="Absolute">Absolute slack.</param>
public sealed record ElementaryError(double Ulps, double Relative, double Absolute)
{
    /// <summary>The format the implementation computes in, whose ε the bound counts in; double unless set.</summary>
    public Precision Precision { get; init; } = Precision.Binary64;

    /// <summary>Whether <see cref="Absolute"/> applies only where |φ(u)| is below the smallest normal value of
    /// <see cref="Precision"/> (and is at least that value there); false: everywhere.</summary>
    public bool RelativeTails { get; init; }

    /// <summary>ε of <see cref="Precision"/>.</summary>
    public double Epsilon => Precision.Epsilon();

    /// <summary>A backward-stable implementation: <see cref="Tolerances.FunctionUlps"/> ulp, no slack.</summary>
    public static ElementaryError Reference => new(Tolerances.FunctionUlps, 0, 0);

    /// <summary>A student's implementation: a backward-stable one plus the given slack.</summary>
    /// <param name="relative">Relative slack (<c>--rtol</c>).</param>
    /// <param name="absolute">Absolute slack (<c>--atol</c>).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A slack is negative or not finite.</exception>
    public static ElementaryError Student(double relative = Tolerances.DefaultRelative, double absolute = Tolerances.DefaultAbsolute)
    {
        if (!(relative >= 0 && double.IsFinite(relative)))
        {
            throw new ArgumentOutOfRangeException(nameof(relative), relative, "The relative tolerance must be finite and ≥ 0.");
        }

        if (!(absolute >= 0 && double.IsFinite(absolute)))
        {
            throw new ArgumentOutOfRangeException(nameof(absolute), absolute, "The absolute tolerance must be finite and ≥ 0.");
        }

        return new ElementaryError(Tolerances.FunctionUlps, relative, absolute);
    }

    /// <summary>The bound for one value φ(u) computed at an exact argument u.</summary>
    /// <param name="value">φ(u).</param>
    /// <param name="slope">φ'(u) (its magnitude is used).</param>
    /// <param name="argument">u.</param>
    /// <returns>(Ulps·ε + Relative)·|φ(u)| + Absolute + |φ'(u)·u|·Ulps·ε; with <see cref="RelativeTails"/>, the
    /// absolute term is 0 where |φ(u)| is normal and max(Absolute, smallest normal) below.</returns>
    public double Of(double value, double slope = 0, double argument = 0) =>
        (((Ulps * Epsilon) + Relative) * Math.Abs(value)) + AbsoluteAt(value) + (Conditioning(slope, argument) * Ulps * Epsilon);

    private double AbsoluteAt(double value)
    {
        if (!RelativeTails)
        {
            return Absolute;
        }

        double smallestNormal = Precision.MinNormal();
        return Math.Abs(value) >= smallestNormal ? 0 : Math.Max(Absolute, smallestNormal);
    }

    /// <summary>|u·φ'(u)|, with 0 where either factor is 0 (φ'(±∞) = 0 at a limit: the argument's rounding moves nothing).</summary>
    private static double Conditioning(double slope, double argument) => slope == 0 || argument == 0 ? 0 : Math.Abs(slope * argument);

    /// <summary>The bound for φ(û) where the argument û itself carries an error ≤ <paramref name="argumentError"/>:
    /// <see cref="Of"/> plus |φ'(u)|·argumentError, to first order.</summary>
    /// <param name="value">φ(u).</param>
    /// <param name="slope">φ'(u).</param>
    /// <param name="argument">u.</param>
    /// <param name="argumentError">A bound on |û − u|.</param>
    /// <returns>The bound.</returns>
    public double OfRounded(double value, double slope, double argument, double argumentError) =>
        Of(value, slope, argument) + (Math.Abs(slope) * argumentError);
}
