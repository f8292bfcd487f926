using Calculus.Checking;
using Calculus.Functions;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Running;

/// <summary>How <c>--precision auto</c> judges the precision a subject computes in: from its values at points that are
/// not floats, where a double implementation's values almost never are floats either.</summary>
/// <param name="Precision">The precision judged.</param>
/// <param name="Floats">How many telling values were floats.</param>
/// <param name="Values">How many telling values there were.</param>
internal sealed record PrecisionJudgement(Precision Precision, int Floats, int Values)
{
    /// <summary>"judged from your answers: 40 of 40 telling values are floats".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Values == 0
        ? "judged from your answers: none of your scalar functions answered, so double"
        : $"judged from your answers: {Floats} of {Values} telling values are floats";
}

/// <summary>Asks each scalar function of the catalog (PLU at its defaults) for its value at four points that are not
/// floats (0.1, 0.7, −1.3, 2.9). A value tells when the exact value there is not a float; it is a float when rounding it
/// to single precision leaves it unchanged. The subject is judged single when at least <see cref="MinimumValues"/> values
/// tell and more than half of them are floats: a double implementation gives a float at such a point with probability
/// about 2^-29 per value, a single-precision one always.</summary>
internal static class PrecisionProbe
{
    /// <summary>The fewest telling values a judgement of single rests on: 4, one function's worth.</summary>
    public const int MinimumValues = 4;

    /// <summary>The points asked.</summary>
    public static IReadOnlyList<double> Points { get; } = [0.1, 0.7, -1.3, 2.9];

    /// <summary>Judges the subject.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="reference">The reference, for which values tell.</param>
    /// <returns>The judgement.</returns>
    public static PrecisionJudgement Judge(ISheet subject, ISheet reference)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reference);
        int floats = 0, values = 0;
        foreach (var f in Catalog.All)
        {
            var query = ScalarQuery.For(f, false, [.. Points]);
            var got = subject.Ask(query);
            var exact = reference.Ask(query);
            if (got.Kind != AnswerKind.Value || got.Value is not { } v || exact.Value is not { } e || v.Length != e.Length)
            {
                continue;
            }

            for (int k = 0; k < v.Length; k++)
            {
                if (double.IsFinite(e[k]) && Precision.Binary32.Round(e[k]) != e[k] && double.IsFinite(v[k]))
                {
                    values++;
                    floats += Precision.Binary32.Round(v[k]) == v[k] ? 1 : 0;
                }
            }
        }

        return new PrecisionJudgement(values >= MinimumValues && 2 * floats > values ? Precision.Binary32 : Precision.Binary64, floats, values);
    }
}
