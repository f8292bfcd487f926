using Calculus.Sweeps;

// calculus-sweeps gradcheck [SEEDS]   the gradient check over the grid (scripts/false-alarm-sweep)
// calculus-sweeps battery [SEEDS]     the battery against right implementations, a fresh seed each
// calculus-sweeps verify [RUNS]       the wall time of verify against calculus serve and the filled Python template
// calculus-sweeps replay SCALE ACTIVATION LOSS H D SEED   one run of the gradcheck grid, as a failure line names it
string mode = args.Length > 0 ? args[0] : "gradcheck";
if (mode == "replay")
{
    return GradientGrid.Replay(args[1..], Console.Out);
}


int seeds = args.Length > 1 && int.TryParse(args[1], out int n) && n > 0 ? n : 1;
return mode switch
{
    "gradcheck" => GradientGrid.Run(seeds, Console.Out),
    "battery" => BatterySeeds.Run(seeds, Console.Out),
    "verify" => VerifyTiming.Run(seeds, Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: calculus-sweeps gradcheck|battery|verify [N], or replay SCALE ACTIVATION LOSS H D SEED");
    return 2;
}
