namespace Calculus.Properties;

/// <summary>Sheet 1a–1c: the partial derivatives of u = Wx + b, by the battery: the closed forms x_j·e_i, e_i and W_(·,i),
/// and each against the central-difference slope of u (exact up to rounding, u being linear).</summary>
public sealed class Sheet1AffineProperties
{
    public static TheoryData<string> Battery1a() => BatteryTheory.Checks("1a");

    /// <summary>The battery's checks of item 1a whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery1a))]
    public void Sheet1a_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery1b() => BatteryTheory.Checks("1b");

    /// <summary>The battery's checks of item 1b whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery1b))]
    public void Sheet1b_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery1c() => BatteryTheory.Checks("1c");

    /// <summary>The battery's checks of item 1c whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery1c))]
    public void Sheet1c_Battery(string check) => BatteryTheory.Check(check);
}
