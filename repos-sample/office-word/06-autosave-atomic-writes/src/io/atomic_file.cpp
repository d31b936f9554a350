#include "io/atomic_file.h"

#include <algorithm>
#include <cerrno>
#include <random>
#include <string>
#include <system_error>

#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
#else
#  include <fcntl.h>
#  include <sys/stat.h>
#  include <unistd.h>
#endif

namespace office::word {

namespace {

std::filesystem::path temporaryPathFor(const std::filesystem::path& target) {
    // Unpredictable suffix: recovery folders are per user, but we do not
    // want two processes (or a stale leftover) to collide on a fixed name.
    std::random_device random;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string suffix(12, '0');
    for (char& c : suffix) c = kHex[random() & 0xF];

    std::filesystem::path temporary = target;
    temporary += std::string(kAtomicTempMarker) + suffix;
    return temporary;
}

#if defined(_WIN32)

[[noreturn]] void throwLastError(const std::string& what) {
    throw std::system_error(static_cast<int>(GetLastError()), std::system_category(), what);
}

void writeAndReplace(const std::filesystem::path& temporary, const std::filesystem::path& target,
                     std::span<const std::uint8_t> bytes) {
    HANDLE file = CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) throwLastError("cannot create " + temporary.string());

    std::size_t written = 0;
    bool ok = true;
    while (ok && written < bytes.size()) {
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(bytes.size() - written, 1u << 30));
        DWORD done = 0;
        ok = WriteFile(file, bytes.data() + written, chunk, &done, nullptr) != 0;
        written += done;
    }
    ok = ok && FlushFileBuffers(file) != 0;
    const DWORD error = ok ? ERROR_SUCCESS : GetLastError();
    CloseHandle(file);
    if (!ok) {
        DeleteFileW(temporary.c_str());
        throw std::system_error(static_cast<int>(error), std::system_category(),
                                "cannot write " + temporary.string());
    }

    // MOVEFILE_WRITE_THROUGH returns only once the rename is on disk.
    if (!MoveFileExW(temporary.c_str(), target.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        const DWORD moveError = GetLastError();
        DeleteFileW(temporary.c_str());
        throw std::system_error(static_cast<int>(moveError), std::system_category(),
                                "cannot replace " + target.string());
    }
}

#else

[[noreturn]] void throwErrno(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

// Flushes a directory so that a rename inside it survives power loss. Some
// file systems do not support fsync on directories; that is not an error.
void syncDirectory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    if (::fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP) {
        const int saved = errno;
        ::close(fd);
        throw std::system_error(saved, std::generic_category(), "cannot sync " + directory.string());
    }
    ::close(fd);
}

void writeAndReplace(const std::filesystem::path& temporary, const std::filesystem::path& target,
                     std::span<const std::uint8_t> bytes) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) throwErrno("cannot create " + temporary.string());

    auto fail = [&](const std::string& what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        throw std::system_error(saved, std::generic_category(), what);
    };

    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t result = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR) continue;
            fail("cannot write " + temporary.string());
        }
        written += static_cast<std::size_t>(result);
    }
    if (::fsync(fd) != 0) fail("cannot sync " + temporary.string());
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        throw std::system_error(saved, std::generic_category(), "cannot close " + temporary.string());
    }

    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        throw std::system_error(saved, std::generic_category(), "cannot replace " + target.string());
    }
    syncDirectory(target.parent_path());
}

#endif

}  // namespace

void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes) {
    writeAndReplace(temporaryPathFor(target), target, bytes);
}

}  // namespace office::word
