using Calculus.Verification.Sheet;
namespace Calculus.Verification.Protocol;

/// <summary>A 128-bit fingerprint of a sheet call (two independent 64-bit multiply-xorshift streams over every number's
/// bits, every index and every name), so that a cache finds an answer without formatting the request as JSON again.
/// Two different calls collide with probability about 2^-128 per pair.</summary>
/// <param name="High">One stream.</param>
/// <param name="Low">The other.</param>
internal readonly record struct CallKey(ulong High, ulong Low)
{
    /// <summary>The fingerprint of a call record or query.</summary>
    public static CallKey Of(object call)
    {
        var h = new Hasher();
        switch (call)
        {
            case ScalarQuery q:
                h.Add(1).Add(q.Function).Add(q.Derivative ? 1 : 0).Add(q.X);
                foreach (var (name, value) in (q.Parameters ?? new Dictionary<string, double>()).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    h.Add(name).Add(value);
                }

                break;
            case LabelLogisticCall l:
                h.Add(2).Add(l.Derivative ? 1 : 0).Add(l.A).Add(l.Y);
                break;
            case LogSumExpCall l:
                h.Add(3).Add(l.Vectors);
                break;
            case AffineCall a:
                h.Add(4).Add(a.W).Add(a.B).Add(a.X);
                break;
            case AffinePartialQuery p:
                h.Add(5).Add(p.W).Add(p.B).Add(p.X).Add(p.Wrt).Add(p.I).Add(p.J);
                break;
            case NetworkQuery n:
                h.Add(6).Add(n.W).Add(n.B).Add(n.Wout).Add(n.X).Add(n.Y).Add(n.Activation).Add(n.Loss);
                break;
            case StepQuery s:
                h.Add(7).Add(s.W).Add(s.B).Add(s.Wout).Add(s.Xs).Add(s.Ys).Add(s.LearningRate).Add(s.Activation).Add(s.Loss);
                break;
            default:
                throw new ArgumentException($"not a sheet call: {call?.GetType().Name ?? "null"}", nameof(call));
        }

        return new CallKey(h.A, h.B);
    }

    private sealed class Hasher
    {
        public ulong A { get; private set; }
        public ulong B { get; private set; }

        public Hasher Add(long v)
        {
            A = Mix((A ^ (ulong)v) + 0x9E3779B97F4A7C15UL);
            B = Mix((B + (ulong)v) ^ 0xC2B2AE3D27D4EB4FUL);
            return this;
        }

        public Hasher Add(double v) => Add(BitConverter.DoubleToInt64Bits(v));

        public Hasher Add(string s)
        {
            Add(s.Length);
            foreach (char c in s)
            {
                Add(c);
            }

            return this;
        }

        public Hasher Add(double[] v)
        {
            Add(v.Length);
            foreach (double e in v)
            {
                Add(e);
            }

            return this;
        }

        public Hasher Add(double[][] rows)
        {
            Add(rows.Length);
            foreach (var r in rows)
            {
                Add(r);
            }

            return this;
        }

        /// <summary>SplitMix64's finaliser: every input bit reaches every output bit.</summary>
        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
