using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The batched functions (scalar, label-logistic, logsumexp) through a real process: a shell loop that answers
/// every request with the same line. A value of the wrong length or shape is an error of the points asked, naming the
/// shape, never a value.</summary>
public sealed class ProcessSheetShapeTests
{
    /// <summary>verify's default --timeout: the shell answers at once, so only a machine that stalls for seconds can
    /// reach it, and no test here waits for it.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A subject that answers every line (the probe σ(0) included) with <paramref name="response"/>.</summary>
    private static ProcessSheet Answering(string response) =>
        ProcessSheet.Start($"while read -r line; do echo '{response}'; done", Timeout);

    [Theory]
    [InlineData("[0.5, 0.5]", "wrong shape: 1 input needs 1 value; got 2")] // one too many: the first value must not be taken
    [InlineData("[]", "wrong shape: 1 input needs 1 value; got 0")]
    [InlineData("[[0.5]]", "wrong shape: expected a number, got an array, in the answer {\"value\": [[0.5]]}")]
    [InlineData("0.5", "wrong shape: expected an array of numbers, got the number 0.5, in the answer {\"value\": 0.5}")]
    [InlineData("[\"0.5\"]", "wrong shape: expected a number, got the string \"0.5\"")]
    [InlineData("[null]", "wrong shape: expected a number, got null")]
    public void Scalar_AValueOfTheWrongShape_IsAnError_NamingIt(string value, string message)
    {
        using var sheet = Answering($"{{\"value\": {value}}}");
        var answer = sheet.Scalar(new ScalarQuery("sigmoid", false, [0]));
        Assert.Equal(AnswerKind.Error, answer.Kind);
        Assert.StartsWith(message, answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_OneValueTooManyForEveryBatch_FailEveryPoint_AsIfAskedAlone()
    {
        // Four values for a batch of three: the batch is halved until each point is asked alone, and each gets 4 for 1.
        using var sheet = Answering("{\"value\": [0.5, 0.5, 0.5, 0.5]}");
        var answers = new[]
        {
            sheet.Scalar(new ScalarQuery("tanh", true, [1, 2, 3])),
            sheet.LabelLogistic(false, [1, 2, 3], -1),
            sheet.LogSumExp([[1, 2], [3], [4, 5, 6]]),
        };
        Assert.All(answers, a => Assert.Equal((AnswerKind.Error, "wrong shape: 1 input needs 1 value; got 4"), (a.Kind, a.Message)));
    }

    [Fact]
    public void Scalar_TheRightNumberOfValues_IsTheValue()
    {
        // The control of the tests above: the same subject with one value per point is read as it answers.
        using var sheet = Answering("{\"value\": [0.25]}");
        var answer = sheet.Scalar(new ScalarQuery("sigmoid", true, [0]));
        Assert.Equal((AnswerKind.Value, 0.25), (answer.Kind, answer.Value!.Single()));
    }
}
