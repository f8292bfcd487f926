using System.Text;
using Calculus.Cli;

// Buffered standard output: eval streams a line per input, and an auto-flushing console writer would dominate.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, false, 1 << 16);
int code = CliApp.Run(args, stdin, stdout, Console.Error, interactive: !Console.IsOutputRedirected, progressLines: Console.IsErrorRedirected);
stdout.Flush();
return code;
