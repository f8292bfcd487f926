using Calculus.Sweeps;

// calculus-sweeps gradcheck [SEEDS]   the gradient check over the grid (scripts/false-alarm-sweep)
// calculus-sweeps battery [SEEDS]     the battery against right implementations, a fresh seed each
// calculus-sweeps verify [RUNS]       the wall time of verify against calculus serve and the filled Python template
// calculus-sweeps grade [N] [CASES]   the wall time of calculus grade over N submissions, -j 1 against -j 2
// calculus-sweeps replay SCALE ACTIVATION LOSS H D SEED   one run of the gradcheck grid, as a failure line names it
string mode = args.Length > 0 ? args[0] : "gradcheck";
if (mode == "replay")
{
    return GradientGrid.Replay(args[1..], Console.Out);
}


if (mode == "grade")
{
    int count = args.Length > 1 && int.TryParse(args[1], out int c) && c > 0 ? c : 20;
    int perCheck = args.Length > 2 && int.TryParse(args[2], out int p) && p > 0 ? p : 200;
    return GradeTiming.Run(count, perCheck, Console.Out);
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
    Console.Error.WriteLine("usage: calculus-sweeps gradcheck|battery|verify [N], grade [N] [CASES], or replay SCALE ACTIVATION LOSS H D SEED");
    return 2;
}
