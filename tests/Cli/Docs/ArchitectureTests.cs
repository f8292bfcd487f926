using System.Text.RegularExpressions;
using Calculus.Cli.Tests.Verify;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Calculus.Cli.Tests.Docs;

/// <summary>The layers the folders show: every C# file's namespace is its project's root namespace and its folder, and
/// the namespaces of each project depend on one another without a cycle, read from the compiled assembly (every type a
/// type's signatures, fields, attributes and method bodies mention), so that a dependency hidden behind a full name or a
/// <c>var</c> counts as well.</summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Each project: its folder, its root namespace and its assembly's file name.</summary>
    public static TheoryData<string, string, string> Projects => new()
    {
        { "src/Calculus", "Calculus", "Verify.Calculus.dll" },
        { "src/Calculus.Verification", "Calculus.Verification", "Verify.Verification.dll" },
        { "src/Calculus.Cli", "Calculus.Cli", "calculus.dll" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryFile_DeclaresTheNamespaceOfItsFolder(string folder, string root, string assembly)
    {
        _ = assembly;
        string directory = Path.Combine(SubjectCommands.Root, folder);
        var wrong = new List<string>();
        foreach (string file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            string sub = Path.GetDirectoryName(relative)!.Replace('/', '.').Replace('\\', '.');
            string expected = sub.Length == 0 ? root : $"{root}.{sub}";
            var declared = Namespace().Match(File.ReadAllText(file));
            if (declared.Success ? declared.Groups[1].Value != expected : relative != "Program.cs")
            {
                wrong.Add($"{folder}/{relative}: namespace {(declared.Success ? declared.Groups[1].Value : "(none)")}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void TheNamespaceGraph_HasNoCycle(string folder, string root, string assembly)
    {
        _ = folder;
        var graph = NamespaceGraph(Path.Combine(AppContext.BaseDirectory, assembly), root);
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"{assembly}: the namespaces depend on each other in a cycle: {string.Join(" → ", cycle ?? [])}\n"
            + string.Join('\n', graph.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"  {e.Key} → {string.Join(", ", e.Value.Order(StringComparer.Ordinal))}")));
    }

    [Fact]
    public void TheCheck_FindsACycle_AndAcceptsALayering()
    {
        var layered = new Dictionary<string, HashSet<string>> { ["A"] = ["B", "C"], ["B"] = ["C"], ["C"] = [] };
        Assert.Null(FindCycle(layered));
        layered["C"].Add("A");
        Assert.Equal(["A", "B", "C", "A"], FindCycle(layered));
    }

    [Fact]
    public void TheGraph_SeesTheLibrarysLayers()
    {
        // Known edges, so that a reader that sees nothing cannot pass the cycle test: the network computes with the
        // catalog's descriptors and the losses, the checking calls the network.
        var graph = NamespaceGraph(Path.Combine(AppContext.BaseDirectory, "Verify.Calculus.dll"), "Calculus");
        Assert.Contains("Calculus.Functions", graph["Calculus.Networks"]);
        Assert.Contains("Calculus.Losses", graph["Calculus.Networks"]);
        Assert.Contains("Calculus.Networks", graph["Calculus.Checking"]);
        Assert.DoesNotContain("Calculus.Training", graph["Calculus.Networks"]);
    }

    /// <summary>For each namespace of the assembly under <paramref name="root"/>, the other such namespaces its types use.</summary>
    internal static Dictionary<string, HashSet<string>> NamespaceGraph(string path, string root)
    {
        using var module = ModuleDefinition.ReadModule(path);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            string from = NamespaceOf(type);
            if (!Within(from, root) || from.Length == 0)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in Mentioned(type))
            {
                string to = NamespaceOf(used);
                if (to != from && Within(to, root) && used.Scope == module)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>A cycle as a path that ends where it starts, or null.</summary>
    internal static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (string next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path[path.IndexOf(next)..], next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>The namespace of a type, or of the type it is nested in (compiler-generated closures included).</summary>
    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>Every type a type mentions: base type, interfaces, attributes, fields, properties, events, method
    /// signatures, locals and the operands of every instruction, with their generic arguments and element types.</summary>
    private static List<TypeReference> Mentioned(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    g.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }

        void AddMember(MemberReference? m)
        {
            switch (m)
            {
                case TypeReference t:
                    Add(t);
                    break;
                case MethodReference method:
                    Add(method.DeclaringType);
                    Add(method.ReturnType);
                    method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                    if (method is GenericInstanceMethod gm)
                    {
                        gm.GenericArguments.ToList().ForEach(Add);
                    }

                    break;
                case FieldReference field:
                    Add(field.DeclaringType);
                    Add(field.FieldType);
                    break;
            }
        }

        void Attributes(ICustomAttributeProvider provider)
        {
            foreach (var a in provider.CustomAttributes)
            {
                Add(a.AttributeType);
            }
        }

        Add(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        Attributes(type);
        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
            Attributes(f);
        }

        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
            Attributes(p);
        }

        foreach (var e in type.Events)
        {
            Add(e.EventType);
        }

        foreach (var m in type.Methods)
        {
            Add(m.ReturnType);
            m.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            Attributes(m);
            if (!m.HasBody)
            {
                continue;
            }

            m.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            foreach (var instruction in m.Body.Instructions)
            {
                AddMember(instruction.Operand as MemberReference);
                if (instruction.OpCode == OpCodes.Ldtoken && instruction.Operand is TypeReference token)
                {
                    Add(token);
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
