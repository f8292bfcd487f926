using Calculus.Verification.Checks;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>Every wrong shape of every answer, read as a subject's line is read and asked for as the checks ask: the
/// subject's error "wrong shape: …", never a value and never an exception of another kind (an index out of range, a
/// null reference, a cast) that would end in "internal error of the checker".</summary>
public sealed class AnswerShapeTests
{
    // h = 3 hidden units, d = 2 inputs: db, dw and b have length 3, dx and the rows of dW and W length 2.
    private static readonly double[][] W = [[1, -1], [2, 0.5], [-0.5, 1]];
    private static readonly double[] B = [0.1, -0.2, 0.3], Wout = [1, -2, 0.5], X = [0.5, -1];

    private static readonly string[] Vector = [nameof(Reshapes.TooMany), nameof(Reshapes.TooFew), nameof(Reshapes.Nested), nameof(Reshapes.String),
        nameof(Reshapes.Null), nameof(Reshapes.Object), nameof(Reshapes.Number)];

    private static readonly string[] Matrix = [nameof(Reshapes.TooMany), nameof(Reshapes.TooFew), nameof(Reshapes.RowTooLong), nameof(Reshapes.RowTooShort),
        nameof(Reshapes.Flat), nameof(Reshapes.Nested), nameof(Reshapes.String), nameof(Reshapes.Null), nameof(Reshapes.Object), nameof(Reshapes.Number)];

    /// <summary>Each function and key with every wrong shape its value can take: too many or too few values (rows,
    /// entries of a row), nested where flat is expected and flat where nested is, a string, null or an object for a
    /// number, a gd-step key missing, and a network or gd-step value that is not an object.</summary>
    public static TheoryData<string, string?, string> WrongShapes()
    {
        var data = new TheoryData<string, string?, string>();
        foreach (string function in SheetFunctions.Names.Concat(["label-logistic", "logsumexp", "affine", "affine-partial"]))
        {
            foreach (string reshape in Vector)
            {
                data.Add(function, null, reshape);
            }
        }

        foreach (string reshape in new[] { nameof(Reshapes.Nested), nameof(Reshapes.String), nameof(Reshapes.Null), nameof(Reshapes.Object) })
        {
            data.Add("network", "loss", reshape);
        }

        foreach (var (function, keys, matrix) in new[] { ("network", new[] { "db", "dw", "dx" }, "dW"), ("gd-step", ["b", "w"], "W") })
        {
            string[] missing = function == "gd-step" ? [nameof(Reshapes.Missing)] : []; // a network key left out is not implemented
            foreach (string key in keys)
            {
                foreach (string reshape in Vector.Concat(missing))
                {
                    data.Add(function, key, reshape);
                }
            }

            foreach (string reshape in Matrix.Concat(missing))
            {
                data.Add(function, matrix, reshape);
            }

            data.Add(function, null, nameof(Reshapes.Nested)); // the value an array, not an object
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Ask_AnAnswerOfTheWrongShape_IsTheSubjectsError_NamingTheShape(string function, string? key, string reshape)
    {
        var e = Assert.Throws<SubjectAnswerException>(() => AskOnce(new ShapeSheet(function, key, Reshapes.All[reshape]), function));
        Assert.Equal(AnswerKind.Error, e.Kind);
        Assert.StartsWith("wrong shape: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sigmoid", null, nameof(Reshapes.TooMany), "wrong shape: sigmoid at 2 points needs 2 values; got 3: ")]
    [InlineData("logsumexp", null, nameof(Reshapes.TooFew), "wrong shape: logsumexp of 1 vector needs 1 value; got 0: ")]
    [InlineData("affine", null, nameof(Reshapes.Number), "wrong shape: expected an array of numbers, got the number ")]
    [InlineData("tanh", null, nameof(Reshapes.String), "wrong shape: expected a number, got the string \"")]
    [InlineData("network", "dx", nameof(Reshapes.TooMany), "wrong shape: dx must have length 2; got length 3")]
    [InlineData("network", "dx", nameof(Reshapes.TooFew), "wrong shape: dx must have length 2; got length 1")]
    [InlineData("network", "db", nameof(Reshapes.TooMany), "wrong shape: db must have length 3; got length 4")]
    [InlineData("network", "dW", nameof(Reshapes.RowTooLong), "wrong shape: dW must be 3 rows of 2; got 3 rows of lengths 3, 2, 2")]
    [InlineData("network", "dW", nameof(Reshapes.TooFew), "wrong shape: dW must be 3 rows of 2; got 2 rows of 2")]
    [InlineData("network", "dx", nameof(Reshapes.Nested), "wrong shape: \"dx\": expected a number, got an array, in the answer {\"value\":")]
    [InlineData("network", "dW", nameof(Reshapes.Flat), "wrong shape: \"dW\": expected an array of numbers, got the number ")]
    [InlineData("network", "loss", nameof(Reshapes.Null), "wrong shape: \"loss\": expected a number, got null")]
    [InlineData("network", null, nameof(Reshapes.Nested), "wrong shape: the network's value must be an object")]
    [InlineData("gd-step", "W", nameof(Reshapes.RowTooShort), "wrong shape: W, b, w must keep their shapes (3 rows of 2, 3, 3); got W of 3 rows of lengths 1, 2, 2, b of 3, w of 3")]
    [InlineData("gd-step", "w", nameof(Reshapes.Missing), "wrong shape: \"w\" is missing, in the answer {\"value\":")]
    [InlineData("gd-step", "b", nameof(Reshapes.Object), "wrong shape: \"b\": expected a number, got an object")]
    public void Ask_AWrongShape_SaysWhatWasExpected_AndWhatCame(string function, string? key, string reshape, string message)
    {
        var e = Assert.Throws<SubjectAnswerException>(() => AskOnce(new ShapeSheet(function, key, Reshapes.All[reshape]), function));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("dW")]
    [InlineData("db")]
    [InlineData("dw")]
    [InlineData("dx")]
    public void Ask_ANetworkAnswerWithoutAKey_LeavesThatBlockOut(string key)
    {
        var answer = (NetworkAnswer)AskOnce(new ShapeSheet("network", key, Reshapes.Missing), "network");
        object?[] blocks = [answer.Loss, answer.DWeights, answer.DBias, answer.DOutputWeights, answer.DInput];
        string[] keys = ["loss", "dW", "db", "dw", "dx"];
        Assert.All(keys.Zip(blocks), p => Assert.True((p.First == key) == (p.Second is null), $"{p.First} with {key} left out"));
    }

    [Fact]
    public void Ask_TheReferenceThroughTheProtocol_HasTheRightShapes()
    {
        // The control of the tests above: the same answers, written and read back unchanged, are values.
        foreach (string function in SheetFunctions.Names.Concat(["label-logistic", "logsumexp", "affine", "affine-partial", "network", "gd-step"]))
        {
            Assert.NotNull(AskOnce(new ShapeSheet(function, null, (_, _) => { }), function));
        }
    }

    /// <summary>One request to the function, as the checks make it (through <see cref="Ask"/>).</summary>
    private static object AskOnce(ISheet sheet, string function) => function switch
    {
        "label-logistic" => Ask.LabelLogistic(sheet, true, 0.5, -1),
        "logsumexp" => Ask.LogSumExp(sheet, [1, 2, 3]),
        "affine" => Ask.Affine(sheet, W, B, X),
        "affine-partial" => Ask.AffinePartial(sheet, new AffinePartialQuery(W, B, X, "W", 2, 1)),
        "network" => Ask.Network(sheet, new NetworkQuery(W, B, Wout, X, 1)),
        "gd-step" => Ask.GdStep(sheet, new StepQuery(W, B, Wout, [X, [1, 1]], [1, -1], 0.1)),
        _ => Ask.Scalars(sheet, function, false, [0.5, 2]),
    };
}
