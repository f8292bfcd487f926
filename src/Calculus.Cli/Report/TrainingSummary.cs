using System.Globalization;
using Calculus.Training;

namespace Calculus.Cli.Report;

/// <summary>The training milestones <c>calculus train</c> and the report print.</summary>
internal static class TrainingSummary
{
    /// <summary>The first epoch whose accuracy is at least <paramref name="accuracy"/>, or "never".</summary>
    internal static string FirstEpoch(IReadOnlyList<EpochRecord> history, double accuracy) =>
        history.FirstOrDefault(r => r.Accuracy >= accuracy)?.Epoch.ToString(CultureInfo.InvariantCulture) ?? "never";

    /// <summary>"≥ 95% first reached at epoch 37, 100% at epoch 203", "… 100% never", or "≥ 95% never reached".</summary>
    internal static string Milestones(IReadOnlyList<EpochRecord> history)
    {
        string ninetyFive = FirstEpoch(history, 0.95), all = FirstEpoch(history, 1.0);
        return ninetyFive == "never" ? "≥ 95% never reached"
            : $"≥ 95% first reached at epoch {ninetyFive}, 100% {(all == "never" ? "never" : $"at epoch {all}")}";
    }
}
