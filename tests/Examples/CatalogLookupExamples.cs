using System.Numerics;
using Calculus.Activations;
using Calculus.Functions;
using Calculus.Losses;

namespace Calculus.Examples;

/// <summary>The catalog's lookups, parameters and bindings as a caller meets them: names in any case, the message of an
/// unknown name, a parameter in words, <see cref="ScalarFunction.With"/> with the wrong count, the label that ℓ(a; y)
/// needs, and the PLU cache's bound. And two complex forms at the edge of their pieces.</summary>
public sealed class CatalogLookupExamples
{
    [Fact]
    public void Find_TakesEveryNameInAnyCase_AndNamesTheValidOnesForAnUnknownName()
    {
        Assert.Same(Catalog.Tanh, Catalog.Find("TANH"));
        Assert.Same(Catalog.LabelLogistic, Catalog.Find("Label-Logistic"));
        var unknown = Assert.Throws<ArgumentException>("name", () => Catalog.Find("tahn"));
        Assert.StartsWith($"Unknown function 'tahn'; valid names: {string.Join(", ", Catalog.Names)}.", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("label-logistic", Catalog.Names);
        Assert.Throws<ArgumentNullException>("name", () => Catalog.Find(null!));

        Assert.Equal("logsumexp", Catalog.FindVector("LogSumExp")!.Name);
        Assert.Null(Catalog.FindVector("tanh"));
    }

    [Fact]
    public void AParameter_InWords_GivesItsSymbolRangeAndDefault()
    {
        var plu = Catalog.CreatePlu(Plu.DefaultAlpha, Plu.DefaultC);
        Assert.Equal(["α ∈ [0, 1], default 0.1", "c ∈ (0, ∞), default 1"], plu.Parameters.Select(p => p.ToString()));
        Assert.Equal("y ∈ (−∞, ∞)", Catalog.LabelLogistic.Parameters.Single().ToString()); // no default: it must be given
    }

    [Fact]
    public void With_BindsTheParameters_AndRefusesTheWrongCount_NamingThem()
    {
        var plu = Catalog.CreatePlu(Plu.DefaultAlpha, Plu.DefaultC).With(0.25, 2);
        Assert.Equal([0.25, 2], plu.Arguments);
        Assert.Equal(Plu.Value(3, 0.25, 2), plu.Value(3));
        Assert.Same(Catalog.Tanh, Catalog.Tanh.With()); // nothing to bind

        var one = Assert.Throws<ArgumentException>("arguments", () => Catalog.CreatePlu(Plu.DefaultAlpha, Plu.DefaultC).With(0.25));
        Assert.StartsWith("plu takes 2 parameters (α, c); got 1.", one.Message, StringComparison.Ordinal);
        var label = Assert.Throws<ArgumentException>("arguments", () => Catalog.LabelLogistic.With(1, -1));
        Assert.StartsWith("label-logistic takes 1 parameter (y); got 2.", label.Message, StringComparison.Ordinal);
        var none = Assert.Throws<ArgumentException>("arguments", () => Catalog.Tanh.With(1));
        Assert.StartsWith("tanh takes 0 parameters; got 1.", none.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("arguments", () => Catalog.Tanh.With(null!));
    }

    [Fact]
    public void TheLabelLogisticEntry_WithoutItsLabel_SaysHowToGiveIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Catalog.LabelLogistic.Value(0.5));
        Assert.Equal("label-logistic needs its label: LabelLogistic.With(y).", e.Message);
        Assert.Equal(LabelLogisticLoss.Value(0.5, -1), Catalog.LabelLogistic.With(-1).Value(0.5));
    }

    [Fact]
    public void ThePluCache_IsClearedPastItsBound_AndCountsAgainFromThere()
    {
        // 100,000 descriptors at most: past them the cache starts again (a long run that draws PLU's parameters at random
        // must not keep every one). Other tests may add PLUs meanwhile; they only make a clearing sooner.
        var first = Catalog.CreatePlu(0.5, 1e-300);
        for (int k = 1; k <= 100_001; k++)
        {
            Catalog.CreatePlu(0.5, k);
        }

        Assert.NotSame(first, Catalog.CreatePlu(0.5, 1e-300));
        var fresh = Catalog.CreatePlu(0.5, 0.5e-300); // after the clearing, cached again: the count started over
        Assert.Same(fresh, Catalog.CreatePlu(0.5, 0.5e-300));
    }

    [Fact]
    public void ComplexForms_AtTheEdgeOfTheirPieces_FollowTheRealForms()
    {
        // Leaky ReLU at Re z = 0 takes the slope 0.01, as its derivative at 0 does: the complex step gives f'(0) = 0.01.
        Assert.Equal(0.01, LeakyRelu.Derivative(0));
        var step = LeakyRelu.OfComplex(new Complex(0, 1e-20));
        Assert.Equal(0, step.Real);
        Assert.Equal(0.01, step.Imaginary / 1e-20, 15);

        // The hinge of a NaN margin is NaN, not the 0 of its flat piece.
        Assert.True(double.IsNaN(Hinge.OfComplex(new Complex(double.NaN, 0)).Real));
        Assert.Equal(Complex.Zero, Hinge.OfComplex(new Complex(2, 1e-20)));
    }
}
