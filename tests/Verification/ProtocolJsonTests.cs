using Calculus.Functions;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>The protocol's JSON: bare NaN and ±Infinity tokens both ways, every request kind round trip, and the
/// messages for lines that break the protocol.</summary>
public sealed class ProtocolJsonTests
{
    [Fact]
    public void Requests_WriteShortestRoundTripNumbers_AndBareNonFiniteTokens()
    {
        // Every number reads as a float in any JSON reader: whole numbers get ".0" ("0" is an integer to Python's json);
        // "1E-05" has its exponent. The indices i and j are integers.
        Assert.Equal("{\"fn\":\"sigmoid\",\"derivative\":true,\"x\":[0.1,1E-05,NaN,Infinity,-Infinity,-0.0,0.0,1000.0,-3.0,1E+21]}",
            ProtocolJson.Request(new ScalarQuery("sigmoid", true, [0.1, 1e-5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0, 1000, -3, 1e21])));
        Assert.Equal("{\"fn\":\"plu\",\"derivative\":false,\"x\":[1.0],\"alpha\":0.25,\"c\":2.0}", ProtocolJson.Request(ScalarQuery.For(Catalog.Plu.With(0.25, 2), false, [1])));
        Assert.Equal("{\"fn\":\"affine-partial\",\"W\":[[1.0,2.0]],\"b\":[3.0],\"x\":[4.0,5.0],\"wrt\":\"b\",\"i\":0}", ProtocolJson.Request(new AffinePartialQuery([[1, 2]], [3], [4, 5], "b", 0)));
        Assert.Equal("{\"fn\":\"affine-partial\",\"W\":[[1.0,2.0]],\"b\":[3.0],\"x\":[4.0,5.0],\"wrt\":\"W\",\"i\":0,\"j\":1}", ProtocolJson.Request(new AffinePartialQuery([[1, 2]], [3], [4, 5], "W", 0, 1)));
    }

    [Fact]
    public void EveryRequestKind_RoundTrips()
    {
        SheetCall[] calls =
        [
            new ScalarQuery("tanh", true, [0.5, double.NaN]),
            new LabelLogisticCall(true, [1, -2], -1),
            new LogSumExpCall([[1000, 1000], [double.NegativeInfinity]]),
            new AffineCall([[1, 2], [3, 4]], [5, 6], [7, 8]),
            new AffinePartialQuery([[1, 2]], [3], [4, 5], "W", 0, 1),
            new NetworkQuery([[1]], [2], [3], [4], -1, "relu", "hinge"),
            new StepQuery([[1]], [2], [3], [[4], [5]], [1, -1], 0.5, "tanh", "smooth-hinge"),
        ];
        foreach (var call in calls)
        {
            string line = ProtocolJson.Request(call);
            Assert.Equal(line, ProtocolJson.Request(ProtocolJson.ParseRequest(line)));
        }
    }

    [Fact]
    public void Responses_AcceptBareTokensAndStrings_AndNameNotImplemented()
    {
        var values = ProtocolJson.ParseResponse("{\"value\": [NaN, Infinity, -Infinity, \"NaN\", \"-Infinity\", 1e-320]}", ProtocolJson.ReadNumbers);
        Assert.Equal(AnswerKind.Value, values.Kind);
        Assert.Equal([double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.NegativeInfinity, 1e-320], values.Value!);
        Assert.Equal(AnswerKind.NotImplemented, ProtocolJson.ParseResponse("{\"error\": \"Not Implemented\"}", ProtocolJson.ReadNumbers).Kind);
        var error = ProtocolJson.ParseResponse("{\"error\": \"ValueError: math domain error\"}", ProtocolJson.ReadNumbers);
        Assert.Equal((AnswerKind.Error, "ValueError: math domain error"), (error.Kind, error.Message));
        Assert.Equal("[\"NaN\", \"NaN\", \"-Infinity\", \"Infinity\"]", ProtocolJson.QuoteNonFinite("[NaN, \"NaN\", -Infinity, Infinity]"));
        Assert.Equal("{\"error\": \"NaN Infinity\"}", ProtocolJson.QuoteNonFinite("{\"error\": \"NaN Infinity\"}")); // inside strings: untouched
    }

    [Theory]
    [InlineData("{\"error\": \"a \\\"NaN\\\" b\"}", "{\"error\": \"a \\\"NaN\\\" b\"}")] // an escaped quote does not end the string
    [InlineData("{\"error\": \"\\\\\", \"value\": [NaN]}", "{\"error\": \"\\\\\", \"value\": [\"NaN\"]}")] // an escaped backslash does not escape the quote after it
    [InlineData("{\"error\": \"\\u0022 Infinity\"}", "{\"error\": \"\\u0022 Infinity\"}")] // \u0022 is a quote, escaped
    public void QuoteNonFinite_ReadsEscapesInsideStrings(string line, string expected) => Assert.Equal(expected, ProtocolJson.QuoteNonFinite(line));

    [Theory]
    [InlineData("{\"error\": \"KeyError: \\\"NaN\\\"\"}", "KeyError: \"NaN\"")] // Python's json writes a quote in a message as \"
    [InlineData("{\"error\": \"\\\"Infinity\\\" is not a label\"}", "\"Infinity\" is not a label")]
    [InlineData("{\"error\": \"path C:\\\\NaN\\\\ \\\"-Infinity\\\"\"}", "path C:\\NaN\\ \"-Infinity\"")]
    public void Responses_WithEscapedQuotesAroundNonFiniteWords_AreTheSubjectsError(string line, string message)
    {
        var answer = ProtocolJson.ParseResponse(line, ProtocolJson.ReadNumbers);
        Assert.Equal((AnswerKind.Error, message), (answer.Kind, answer.Message));
    }

    [Theory]
    [InlineData("{\"value\": [1, 2", "not JSON")]
    [InlineData("[1, 2]", "a response must be a JSON object")]
    [InlineData("{\"values\": [1]}", "a response needs \"value\" or \"error\"")]
    [InlineData("{\"value\": [\"one\"]}", "wrong shape: expected a number, got the string \"one\"")]
    [InlineData("{\"value\": [1e999]}", "the number 1e999 is out of the range of a double")]
    [InlineData("{\"value\": 1}", "wrong shape: expected an array of numbers, got the number 1")]
    public void Responses_ThatBreakTheProtocol_SayWhy(string line, string message)
    {
        var e = Assert.Throws<ProtocolException>(() => ProtocolJson.ParseResponse(line, ProtocolJson.ReadNumbers));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"value\": [0.5]}", nameof(AnswerKind.Value), null)]
    [InlineData("{\"error\": \"not implemented\"}", nameof(AnswerKind.NotImplemented), "not implemented")]
    [InlineData("{\"error\": \"ZeroDivisionError\"}", nameof(AnswerKind.Error), "the subject answered an error: ZeroDivisionError")]
    [InlineData("{\"value\": [[0.5]]}", nameof(AnswerKind.Error), "wrong shape: expected a number, got an array, in the answer {\"value\": [[0.5]]}")]
    [InlineData("{\"value\": [1e999]}", nameof(AnswerKind.Error), "an answer that breaks the protocol (the number 1e999 is out of the range of a double): {\"value\": [1e999]}")]
    [InlineData("{\"value\": [0.5]", nameof(AnswerKind.Error), "an answer that breaks the protocol (not JSON")]
    public void ReadAnswer_NeverThrows_AndSaysWhatTheSubjectDid(string line, string kind, string? message)
    {
        var answer = ProtocolJson.ReadAnswer(line, ProtocolJson.ReadNumbers);
        Assert.Equal(Enum.Parse<AnswerKind>(kind), answer.Kind);
        if (message is null)
        {
            Assert.Null(answer.Message);
        }
        else
        {
            Assert.StartsWith(message, answer.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NetworkAnswers_MayLeaveOutBlocks()
    {
        var a = ProtocolJson.ParseResponse("{\"value\": {\"loss\": 0.5, \"db\": [1, 2]}}", ProtocolJson.ReadNetwork).Value!;
        Assert.Equal(0.5, a.Loss);
        Assert.Equal([1.0, 2.0], a.DBias!);
        Assert.Null(a.DWeights);
        Assert.Null(a.DInput);
    }
}
