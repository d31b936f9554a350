using System.Text;
using System.Text.Json;

namespace Vendor.Shell.Settings;

/// <summary>Raised for problems the user can fix: bad JSON, unreadable files.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// Loads and saves a user's taskbar layout, falling back to the shipped
/// default when the user has none yet.
/// </summary>
public sealed class SettingsStore
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public SettingsStore(string layoutPath, string? defaultLayoutPath)
    {
        LayoutPath = layoutPath;
        DefaultLayoutPath = defaultLayoutPath;
    }

    public string LayoutPath { get; }

    public string? DefaultLayoutPath { get; }

    public static string DefaultUserLayoutPath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
        "Vendor", "Shell", "taskbar-layout.json");

    public static string? ShippedDefaultLayoutPath
    {
        get
        {
            var candidate = Path.Combine(AppContext.BaseDirectory, "default-taskbar-layout.json");
            return File.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>True when the layout came from the user's own file.</summary>
    public bool LoadedFromUserFile { get; private set; }

    public TaskbarLayoutModel Load()
    {
        if (File.Exists(LayoutPath))
        {
            LoadedFromUserFile = true;
            return ReadFile(LayoutPath);
        }

        LoadedFromUserFile = false;
        if (DefaultLayoutPath is not null && File.Exists(DefaultLayoutPath))
        {
            return ReadFile(DefaultLayoutPath);
        }
        return new TaskbarLayoutModel();
    }

    /// <summary>
    /// Writes the layout atomically: the shell watches this file and must
    /// never observe a half-written document. The previous version is kept
    /// as <c>.bak</c> so support can undo a bad change.
    /// </summary>
    public void Save(TaskbarLayoutModel layout)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(LayoutPath))!;
        Directory.CreateDirectory(directory);

        var temporary = Path.Combine(directory, $".{Path.GetFileName(LayoutPath)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, Serialize(layout), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (File.Exists(LayoutPath))
            {
                File.Replace(temporary, LayoutPath, LayoutPath + ".bak", ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temporary, LayoutPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new SettingsException($"Could not write '{LayoutPath}': {e.Message}", e);
        }
    }

    public static TaskbarLayoutModel Parse(string json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize<TaskbarLayoutModel>(json, SerializerOptions)
                ?? throw new SettingsException($"'{sourceName}' is empty.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $" (line {line + 1})" : "";
            throw new SettingsException($"'{sourceName}' is not a valid layout{where}: {e.Message}", e);
        }
    }

    public static string Serialize(TaskbarLayoutModel layout) =>
        JsonSerializer.Serialize(layout, SerializerOptions) + "\n";

    private static TaskbarLayoutModel ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Could not read '{path}': {e.Message}", e);
        }
        return Parse(json, path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort; a stray temporary file is harmless.
        }
    }
}
