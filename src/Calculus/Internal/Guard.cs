using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Internal;

/// <summary>Argument checks shared by the public entry points; every message names the parameter and both sizes.</summary>
internal static class Guard
{
    public static void SameLength(Vector<double> vector, int expected, string paramName, string expectedFrom)
    {
        ArgumentNullException.ThrowIfNull(vector, paramName);
        if (vector.Count != expected)
        {
            throw new ArgumentException(
                $"{paramName} has length {vector.Count}, but {expectedFrom} requires length {expected}.", paramName);
        }
    }

    public static void SameLength(int actual, int expected, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{paramName} has length {actual}, but the shapes require length {expected}.", paramName);
        }
    }

    public static void NotEmpty(Matrix<double> matrix, string paramName)
    {
        ArgumentNullException.ThrowIfNull(matrix, paramName);
        // MathNet builds 0×n and n×0 matrices; a network needs at least one hidden unit and one input.
        if (matrix.RowCount == 0 || matrix.ColumnCount == 0)
        {
            throw new ArgumentException($"{paramName} is {matrix.RowCount}×{matrix.ColumnCount}; it must not be empty.", paramName);
        }
    }

    public static void Index(int index, int count, string paramName, string dimension)
    {
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(paramName, index,
                $"{paramName} = {index} is outside 0..{count - 1} ({dimension} = {count}).");
        }
    }
}
