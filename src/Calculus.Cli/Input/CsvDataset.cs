using System.Globalization;
using System.Text;
using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Input;

/// <summary>The CSV files <c>calculus train --data FILE</c> reads, within <see cref="TrainingLimits"/>.</summary>
internal static class CsvDataset
{
    /// <summary>Reads <c>x1,…,xd,y</c> per line, values separated by commas; y must be −1 or +1; blank lines are
    /// skipped. The first line may be a header: it is one exactly when every cell of it is a column name (a letter or
    /// '_' followed by letters, digits, '_', '-', '.' or spaces, and not a number such as <c>NaN</c> or
    /// <c>Infinity</c>), and then it must name as many columns as the data rows have. Any other first line is data, so
    /// <c>1;2;1</c> or <c># comment</c> is an error naming line 1. The sizes are bounded by <see cref="TrainingLimits"/>
    /// (rows, coordinates per row, coordinates in all, characters per line), checked while reading.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The data.</returns>
    /// <exception cref="InvalidDataException">An empty file, a ragged row, a non-number, a label other than ±1, a first
    /// line that is neither a header nor data, or a size beyond a limit; the message names the line.</exception>
    public static Dataset Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var points = new List<Vector<double>>();
        var labels = new List<double>();
        var lines = new LineReader(reader);
        int number = 0;
        int width = 0;
        bool header = false;
        while (lines.ReadLine(number + 1) is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                throw new InvalidDataException($"line {number}: '#' comments are not supported (a header is a first line that names every column, e.g. x1,x2,y)");
            }

            int count = line.AsSpan().Count(',') + 1;
            if (count < 2)
            {
                string hint = line.Contains(';', StringComparison.Ordinal) || line.Contains('\t', StringComparison.Ordinal) ? " (values are separated by commas, not ';' or tabs)" : "";
                throw new InvalidDataException($"line {number}: needs at least one coordinate and a label, got {count} value{hint}");
            }

            if (number == 1 && line.Split(',').All(IsColumnName))
            {
                (width, header) = (count, true);
                continue;
            }

            if (count - 1 > TrainingLimits.MaxDimension)
            {
                throw new InvalidDataException(Invariant($"line {number}: has {count - 1:N0} coordinates; at most {TrainingLimits.MaxDimension:N0} are accepted"));
            }

            if (width > 0 && count != width)
            {
                throw new InvalidDataException(header
                    ? $"line {number}: has {count} values, but the header (line 1) names {width} columns"
                    : $"line {number}: has {count} values, but the first row has {width}");
            }

            width = count;
            if (points.Count == TrainingLimits.MaxCsvRows)
            {
                throw new InvalidDataException(Invariant($"line {number}: more than {TrainingLimits.MaxCsvRows:N0} data rows; at most {TrainingLimits.MaxCsvRows:N0} are accepted"));
            }

            if ((long)(points.Count + 1) * (count - 1) > TrainingLimits.MaxCsvValues)
            {
                throw new InvalidDataException(Invariant($"line {number}: more than {TrainingLimits.MaxCsvValues:N0} coordinates in all ({points.Count + 1:N0} rows of {count - 1:N0}); at most {TrainingLimits.MaxCsvValues:N0} are accepted"));
            }

            var values = new double[count];
            int k = 0;
            foreach (var range in line.AsSpan().Split(','))
            {
                var cell = line.AsSpan(range);
                values[k++] = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                    ? v
                    : throw new InvalidDataException($"line {number}: value {k} '{cell.Trim()}' is not a finite number{(number == 1 ? " (a header line names every column and holds no numbers: x1,x2,y)" : "")}");
            }

            double y = values[^1];
            if (y != 1 && y != -1)
            {
                throw new InvalidDataException($"line {number}: the label (last value) must be -1 or 1, got {line.AsSpan(line.LastIndexOf(',') + 1).Trim()}");
            }

            points.Add(Vector<double>.Build.DenseOfArray(values[..^1]));
            labels.Add(y);
        }

        return points.Count > 0 ? new Dataset(points, labels) : throw new InvalidDataException("the file holds no data rows");
    }

    /// <summary>Whether a header cell names a column: a letter or '_', then letters, digits, '_', '-', '.' or spaces,
    /// and not a number (<c>NaN</c>, <c>Infinity</c> are numbers).</summary>
    private static bool IsColumnName(string cell)
    {
        string name = cell.Trim();
        return name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsLetterOrDigit(c) || char.IsNumber(c) || c is '_' or '-' or '.' or ' ')
            && !double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Reads lines in blocks, refusing a line longer than <see cref="TrainingLimits.MaxCsvLineLength"/> before
    /// it is read to its end (<see cref="TextReader.ReadLine"/> would read a line of any length into memory).</summary>
    private sealed class LineReader(TextReader reader)
    {
        private readonly char[] block = new char[8192];
        private readonly StringBuilder line = new();
        private int position;
        private int length;

        /// <summary>The next line without its terminator ("\n", "\r\n" or "\r"), or null at the end.</summary>
        /// <param name="number">The line's number, for the message.</param>
        public string? ReadLine(int number)
        {
            line.Clear();
            bool any = false;
            while (Fill())
            {
                any = true;
                int start = position;
                while (position < length && block[position] is not ('\n' or '\r'))
                {
                    position++;
                }

                if (line.Length + (position - start) > TrainingLimits.MaxCsvLineLength)
                {
                    throw new InvalidDataException(Invariant($"line {number}: longer than {TrainingLimits.MaxCsvLineLength:N0} characters; is this a CSV file of x1,...,xd,y rows?"));
                }

                line.Append(block, start, position - start);
                if (position < length)
                {
                    bool carriageReturn = block[position++] == '\r';
                    if (carriageReturn && Fill() && block[position] == '\n')
                    {
                        position++;
                    }

                    return line.ToString();
                }
            }

            return any ? line.ToString() : null;
        }

        private bool Fill()
        {
            if (position < length)
            {
                return true;
            }

            (position, length) = (0, reader.Read(block, 0, block.Length));
            return length > 0;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
