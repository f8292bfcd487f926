using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace Calculus.Subjects;

/// <summary>The sandbox's test subjects: on a request for their function each tries to pass one limit of
/// <c>verify --sandbox</c> and answers {"error": what happened}, unless the limit ends it first. Each is bounded by
/// itself too (a few GiB, a minute, 1,000 children, 256 MiB, 10,000 files, a 3 s connect), so that a test run
/// without the sandbox cannot hurt the machine for long; the tests run them only in the sandbox.</summary>
internal static class Escapes
{
    /// <summary>The modes, as Program takes them.</summary>
    public static readonly string[] Modes = ["alloc", "spin", "forkbomb", "bigfile", "fds", "net", "write"];

    private const int MiB = 1 << 20;

    /// <summary>The answer line after trying: an error naming what stopped the escape, or what got through.</summary>
    /// <param name="mode">alloc, spin, forkbomb, bigfile, fds, net or write.</param>
    /// <returns>The JSON line.</returns>
    public static string Answer(string mode) => JsonSerializer.Serialize(new { error = $"{mode}: {Try(mode)}" });

    private static string Try(string mode) => mode switch
    {
        "alloc" => Alloc(),
        "spin" => Spin(),
        "forkbomb" => ForkBomb(),
        "bigfile" => BigFile(),
        "fds" => Files(),
        "net" => Net(),
        _ => Write(),
    };

    /// <summary>Allocates and touches 64 MiB blocks up to 4 GiB, twice the sandbox's address space.</summary>
    private static string Alloc()
    {
        var blocks = new List<byte[]>();
        try
        {
            while (blocks.Count < 64)
            {
                var block = GC.AllocateUninitializedArray<byte>(64 * MiB);
                Array.Fill(block, (byte)1);
                blocks.Add(block);
            }

            return $"allocated {blocks.Count * 64} MiB";
        }
        catch (OutOfMemoryException e)
        {
            return $"{e.GetType().Name} after {blocks.Count * 64} MiB: {e.Message}";
        }
    }

    /// <summary>Burns every core for up to a minute (the sandbox's CPU limit ends it first).</summary>
    private static string Spin()
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            double x = 0;
            while (clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                x = Math.Sin(x + 1);
            }
        });
        return $"spun {clock.Elapsed.TotalSeconds:0} s";
    }

    /// <summary>Starts up to 1,000 children "sleep 60", left running (the process group's kill ends them).</summary>
    private static string ForkBomb()
    {
        int started = 0;
        try
        {
            for (; started < 1000; started++)
            {
                using var child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
            }

            return $"started {started} children";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OutOfMemoryException or InvalidOperationException)
        {
            return $"{e.GetType().Name} after {started} children: {e.Message}";
        }
    }

    /// <summary>Writes 1 MiB blocks into a file in the working folder up to 256 MiB, four times the sandbox's file size.</summary>
    private static string BigFile()
    {
        var block = new byte[MiB];
        int written = 0;
        try
        {
            using var file = File.Create("big.bin");
            for (; written < 256; written++)
            {
                file.Write(block);
                file.Flush();
            }

            return $"wrote {written} MiB";
        }
        catch (IOException e)
        {
            return $"{e.GetType().Name} after {written} MiB: {e.Message}";
        }
    }

    /// <summary>Opens /dev/null up to 10,000 times, kept open.</summary>
    private static string Files()
    {
        var open = new List<FileStream>();
        try
        {
            while (open.Count < 10_000)
            {
                open.Add(File.OpenRead("/dev/null"));
            }

            return $"opened {open.Count} files";
        }
        catch (IOException e)
        {
            return $"{e.GetType().Name} after {open.Count} files: {e.Message}";
        }
        finally
        {
            open.ForEach(f => f.Dispose());
        }
    }

    /// <summary>Connects to 1.1.1.1:53 (Cloudflare's DNS over TCP) within 3 s.</summary>
    private static string Net()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("1.1.1.1", 53).Wait(TimeSpan.FromSeconds(3)) ? "connected to 1.1.1.1:53" : "no connection within 3 s";
        }
        catch (Exception e) when (e is SocketException or AggregateException)
        {
            return $"{(e.InnerException ?? e).GetType().Name}: {(e.InnerException ?? e).Message}";
        }
    }

    /// <summary>Writes escaped.txt into the working folder and names where it went.</summary>
    private static string Write()
    {
        File.WriteAllText("escaped.txt", "written by the subject\n");
        return $"wrote {Path.GetFullPath("escaped.txt")}";
    }
}
