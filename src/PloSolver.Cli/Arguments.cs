using System.Globalization;

namespace PloSolver.Cli;

/// <summary>Bad command-line input: reported as one line on stderr with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A command's arguments: <c>--name value</c> or <c>--name=value</c> options, <c>--flag</c> switches and
/// positional values. Every option must be declared by the command, so a typo is an error, not ignored.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public Arguments(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> switches)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg == "--")
            {
                while (e.MoveNext())
                {
                    _positionals.Add(e.Current);
                }
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                _positionals.Add(arg);
                continue;
            }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg[2..] : arg[2..eq];
            if (switches.Contains(name))
            {
                if (eq >= 0)
                {
                    throw new UsageException($"--{name} takes no value");
                }
                _options[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                string value;
                if (eq >= 0)
                {
                    value = arg[(eq + 1)..];
                }
                else if (e.MoveNext())
                {
                    value = e.Current;
                }
                else
                {
                    throw new UsageException($"--{name} needs a value");
                }
                if (_options.ContainsKey(name))
                {
                    throw new UsageException($"--{name} is given twice");
                }
                _options[name] = value;
            }
            else
            {
                throw new UsageException($"unknown option --{name}");
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.GetValueOrDefault(name);

    public long? Long(string name, long min, long max)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new UsageException($"--{name} expects a whole number from {min} to {max}, got '{text}'");
        }
        return value;
    }

    public double? Double(string name, double minExclusive, double maxExclusive)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > minExclusive && value < maxExclusive))
        {
            throw new UsageException($"--{name} expects a number above {minExclusive} and below {maxExclusive}, got '{text}'");
        }
        return value;
    }
}
