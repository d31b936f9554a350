// ShellCore.h
//
// Object model shared by every shell component. Interfaces that cross a
// component boundary derive from IShellUnknown and follow these rules:
//
//   * A function that returns an interface pointer through an out parameter
//     hands the caller one reference. The caller releases it.
//   * Interface pointers received as arguments are borrowed for the duration
//     of the call. Keep one beyond the call only after calling AddRef.
//   * Nothing throws across an interface boundary. Failures travel as
//     ShResult codes; implementations catch at the boundary and translate
//     with ResultFromCurrentException().

#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace shell {

using ShResult = std::int32_t;

constexpr ShResult SH_OK = 0;
constexpr ShResult SH_FALSE = 1;
constexpr ShResult SH_E_NOTIMPL = static_cast<ShResult>(0x80004001u);
constexpr ShResult SH_E_NOINTERFACE = static_cast<ShResult>(0x80004002u);
constexpr ShResult SH_E_POINTER = static_cast<ShResult>(0x80004003u);
constexpr ShResult SH_E_FAIL = static_cast<ShResult>(0x80004005u);
constexpr ShResult SH_E_UNEXPECTED = static_cast<ShResult>(0x8000FFFFu);
constexpr ShResult SH_E_ACCESSDENIED = static_cast<ShResult>(0x80070005u);
constexpr ShResult SH_E_INVALIDDATA = static_cast<ShResult>(0x8007000Du);
constexpr ShResult SH_E_OUTOFMEMORY = static_cast<ShResult>(0x8007000Eu);
constexpr ShResult SH_E_INVALIDARG = static_cast<ShResult>(0x80070057u);
constexpr ShResult SH_E_ALREADYEXISTS = static_cast<ShResult>(0x800700B7u);
constexpr ShResult SH_E_NOTFOUND = static_cast<ShResult>(0x80070490u);
constexpr ShResult SH_E_CANCELLED = static_cast<ShResult>(0x800704C7u);

constexpr bool Succeeded(ShResult result) noexcept { return result >= 0; }
constexpr bool Failed(ShResult result) noexcept { return result < 0; }

// Symbolic name of a code defined above ("SH_E_NOTFOUND"), or nullptr.
const char* ResultName(ShResult result) noexcept;

// Call only from inside a catch block. Maps the in-flight exception to a
// result code: bad_alloc to SH_E_OUTOFMEMORY, invalid_argument and
// out_of_range to SH_E_INVALIDARG, filesystem errors to SH_E_ACCESSDENIED or
// SH_E_NOTFOUND where the error code allows, anything else to SH_E_FAIL.
ShResult ResultFromCurrentException() noexcept;

struct InterfaceId {
    std::uint32_t data1;
    std::uint16_t data2;
    std::uint16_t data3;
    std::uint8_t data4[8];
};

constexpr bool operator==(const InterfaceId& a, const InterfaceId& b) noexcept {
    if (a.data1 != b.data1 || a.data2 != b.data2 || a.data3 != b.data3) {
        return false;
    }
    for (int i = 0; i < 8; ++i) {
        if (a.data4[i] != b.data4[i]) {
            return false;
        }
    }
    return true;
}

constexpr bool operator!=(const InterfaceId& a, const InterfaceId& b) noexcept {
    return !(a == b);
}

struct IShellUnknown {
    static constexpr InterfaceId kIid = {
        0x6d2f0a10, 0x3b41, 0x4c5e, {0x8a, 0x01, 0x52, 0x9c, 0x1e, 0x77, 0x40, 0x00}};

    virtual ShResult QueryInterface(const InterfaceId& iid, void** out) = 0;
    virtual std::uint32_t AddRef() = 0;
    virtual std::uint32_t Release() = 0;

protected:
    ~IShellUnknown() = default;
};

// Owning smart pointer for IShellUnknown-derived interfaces. Constructing
// from a raw pointer adds a reference; use Attach() to adopt one instead.
template <class T>
class ComRef {
public:
    ComRef() noexcept = default;
    ComRef(std::nullptr_t) noexcept {}
    explicit ComRef(T* p) noexcept : p_(p) {
        if (p_ != nullptr) {
            p_->AddRef();
        }
    }
    ComRef(const ComRef& other) noexcept : ComRef(other.p_) {}
    ComRef(ComRef&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
    ~ComRef() { Reset(); }

    ComRef& operator=(ComRef other) noexcept {
        std::swap(p_, other.p_);
        return *this;
    }

    void Reset() noexcept {
        if (T* p = std::exchange(p_, nullptr)) {
            p->Release();
        }
    }

    // Adopts a reference the caller already owns.
    void Attach(T* p) noexcept {
        Reset();
        p_ = p;
    }

    [[nodiscard]] T* Detach() noexcept { return std::exchange(p_, nullptr); }

    // Releases the current pointer and exposes the slot as an out parameter.
    T** Put() noexcept {
        Reset();
        return &p_;
    }

    void** PutVoid() noexcept { return reinterpret_cast<void**>(Put()); }

    T* Get() const noexcept { return p_; }
    T* operator->() const noexcept { return p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }

    template <class U>
    ShResult As(ComRef<U>* out) const noexcept {
        if (out == nullptr || p_ == nullptr) {
            return SH_E_POINTER;
        }
        return p_->QueryInterface(U::kIid, out->PutVoid());
    }

    ShResult CopyTo(T** out) const noexcept {
        if (out == nullptr) {
            return SH_E_POINTER;
        }
        *out = p_;
        if (p_ != nullptr) {
            p_->AddRef();
        }
        return SH_OK;
    }

private:
    T* p_ = nullptr;
};

// Implements IShellUnknown for a class that exposes the listed interfaces.
// The object starts life with one reference, which MakeShellObject adopts.
template <class First, class... Rest>
class ShellObject : public First, public Rest... {
public:
    ShResult QueryInterface(const InterfaceId& iid, void** out) override {
        if (out == nullptr) {
            return SH_E_POINTER;
        }
        *out = nullptr;
        if (iid == IShellUnknown::kIid) {
            *out = static_cast<IShellUnknown*>(static_cast<First*>(this));
        } else if (!(Match<First>(iid, out) || (... || Match<Rest>(iid, out)))) {
            return SH_E_NOINTERFACE;
        }
        AddRef();
        return SH_OK;
    }

    std::uint32_t AddRef() override {
        return refs_.fetch_add(1, std::memory_order_relaxed) + 1;
    }

    std::uint32_t Release() override {
        const std::uint32_t remaining = refs_.fetch_sub(1, std::memory_order_acq_rel) - 1;
        if (remaining == 0) {
            delete this;
        }
        return remaining;
    }

protected:
    ShellObject() = default;
    virtual ~ShellObject() = default;

    ShellObject(const ShellObject&) = delete;
    ShellObject& operator=(const ShellObject&) = delete;

private:
    template <class I>
    bool Match(const InterfaceId& iid, void** out) noexcept {
        if (iid != I::kIid) {
            return false;
        }
        *out = static_cast<I*>(this);
        return true;
    }

    std::atomic<std::uint32_t> refs_{1};
};

// Creates a ShellObject-derived class and adopts its initial reference.
// Returns an empty ComRef if allocation fails.
template <class T, class... Args>
ComRef<T> MakeShellObject(Args&&... args) {
    ComRef<T> ref;
    ref.Attach(new (std::nothrow) T(std::forward<Args>(args)...));
    return ref;
}

}  // namespace shell
