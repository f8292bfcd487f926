using System.CommandLine;
using Calculus.Checking;
using Calculus.Cli.Common;
using Calculus.Cli.Report;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus gradcheck [--hidden H] [--inputs D] [--seed S] [--activation NAME] [--scale S] [--input FILE|-]
/// [--loss L] [--alpha A] [--c C]</c>: a seeded random network, or the user's own (--input, the JSON of <c>network</c>),
/// its analytic gradient against the numeric one block by block; exit 1 if any entry fails. An entry the oracle cannot
/// decide is counted and shown as inconclusive, never a failure.</summary>
internal static class GradcheckCommand
{
    public static Command Create(CliContext context)
    {
        var hidden = new Option<int>("--hidden") { Description = "Hidden width h of the random network.", DefaultValueFactory = _ => 4 };
        var inputs = new Option<int>("--inputs") { Description = "Input size d of the random network.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var activation = new Option<string>("--activation") { Description = "Hidden activation (see calculus list); default sigmoid, or the JSON field with --input." };
        var scale = new Option<double>("--scale") { Description = "Entries uniform in [-scale, scale].", DefaultValueFactory = _ => 1.0, CustomParser = Numbers.ParseOption };
        var input = new Option<string>("--input", "-i") { Description = "Check your own network instead: the JSON of calculus network, from a file or - for standard input." };
        var options = new NetworkOptions();
        var command = new Command("gradcheck", "Check the network gradient against finite differences and the complex step (every activation but PLU).")
        {
            hidden, inputs, seed, activation, scale, input,
        };
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            string? name = parse.GetValue(activation);
            GradcheckRun.Setup setup;
            if (parse.GetResult(input) is { Implicit: false })
            {
                var given = new Option[] { hidden, inputs, seed, scale }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
                if (given is not null)
                {
                    throw new UsageException($"{given.Name} describes the random network; with --input the network is yours");
                }

                setup = new GradcheckRun.Setup(NetworkCommand.Read(context, parse, input, options, name), $", from {(parse.GetValue(input) is "-" ? "standard input" : parse.GetValue(input))}");
            }
            else
            {
                int h = parse.GetValue(hidden), d = parse.GetValue(inputs);
                double s = parse.GetValue(scale);
                if (h < 1 || d < 1 || h > 1024 || d > 1024)
                {
                    throw new UsageException($"--hidden and --inputs must lie in 1..1024; got {h} and {d}");
                }

                if (!(s > 0 && double.IsFinite(s)))
                {
                    throw new UsageException($"--scale must be finite and > 0; got {s}");
                }

                setup = GradcheckRun.Random(h, d, parse.GetValue(seed), options.ResolveActivation(parse, name ?? "sigmoid", "--activation"), s, options.ResolveLoss(parse, null));
            }

            var rows = GradcheckRun.Run(context.Gradient, setup);
            context.Output.WriteLine(setup.Header);
            context.Output.WriteLine(GradcheckRun.Table(rows));
            context.Output.WriteLine(GradcheckRun.Summary(rows));
            return rows.Any(r => r.Verdict == Verdict.Fail) ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command;
    }
}
