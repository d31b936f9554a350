package com.readingroom.source.internal;

import java.util.Locale;
import java.util.Map;

/** The highlighting language of a file, by its name, as highlight.js names them; {@code plaintext} when unknown. */
final class Languages {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("c", "c"),
            Map.entry("h", "cpp"),
            Map.entry("hh", "cpp"),
            Map.entry("hpp", "cpp"),
            Map.entry("hxx", "cpp"),
            Map.entry("inl", "cpp"),
            Map.entry("cc", "cpp"),
            Map.entry("cpp", "cpp"),
            Map.entry("cxx", "cpp"),
            Map.entry("idl", "cpp"),
            Map.entry("cs", "csharp"),
            Map.entry("java", "java"),
            Map.entry("kt", "kotlin"),
            Map.entry("js", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("py", "python"),
            Map.entry("rb", "ruby"),
            Map.entry("go", "go"),
            Map.entry("rs", "rust"),
            Map.entry("sh", "bash"),
            Map.entry("bash", "bash"),
            Map.entry("pl", "perl"),
            Map.entry("ps1", "powershell"),
            Map.entry("psm1", "powershell"),
            Map.entry("bat", "dos"),
            Map.entry("cmd", "dos"),
            Map.entry("xml", "xml"),
            Map.entry("xaml", "xml"),
            Map.entry("csproj", "xml"),
            Map.entry("vcxproj", "xml"),
            Map.entry("props", "xml"),
            Map.entry("targets", "xml"),
            Map.entry("manifest", "xml"),
            Map.entry("resx", "xml"),
            Map.entry("html", "xml"),
            Map.entry("json", "json"),
            Map.entry("yaml", "yaml"),
            Map.entry("yml", "yaml"),
            Map.entry("md", "markdown"),
            Map.entry("ini", "ini"),
            Map.entry("toml", "ini"),
            Map.entry("cfg", "ini"),
            Map.entry("sql", "sql"),
            Map.entry("css", "css"),
            Map.entry("cmake", "cmake"),
            Map.entry("mk", "makefile"),
            Map.entry("s", "x86asm"),
            Map.entry("asm", "x86asm"),
            Map.entry("diff", "diff"),
            Map.entry("patch", "diff"));

    private static final Map<String, String> BY_NAME = Map.of(
            "makefile", "makefile",
            "kbuild", "makefile",
            "cmakelists.txt", "cmake",
            "dockerfile", "dockerfile");

    private Languages() {}

    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String byName = BY_NAME.get(name);
        if (byName != null) {
            return byName;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "plaintext" : BY_EXTENSION.getOrDefault(name.substring(dot + 1), "plaintext");
    }
}
