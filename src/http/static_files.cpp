#include "http/static_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace visitd::http {

namespace fs = std::filesystem;

namespace {

// The UI bundle is small; anything larger is not ours to serve from memory.
constexpr std::uintmax_t kMaxFileBytes = 32u << 20;

constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".json", "application/json"},
    {".woff2", "font/woff2"},
    {".map", "application/json"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".wasm", "application/wasm"},
}};

bool is_api_path(std::string_view path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

std::string_view last_segment(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// True when the last segment ends in an asset extension we serve ("/app.js"). Capability
// links ("/manage/<payload>.<signature>") contain a dot too, but never a known extension.
bool names_asset(std::string_view path) {
  std::string_view seg = last_segment(path);
  auto dot = seg.rfind('.');
  return dot != std::string_view::npos && content_type_for(seg) != "application/octet-stream";
}

// The relative file path for an URL path, or nullopt when the path tries to leave the root
// ("..", NUL, backslash tricks) or names something hidden (".env", ".git").
std::optional<fs::path> relative_for(std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  if (url_path.find('\0') != std::string_view::npos || url_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  fs::path rel;
  std::string_view rest = url_path.substr(1);
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg.front() == '.') return std::nullopt;  // "..", dotfiles
    rel /= fs::path(std::string(seg));
  }
  return rel;
}

// `candidate` resolved through symlinks must stay inside `root` (already canonical).
bool inside(const fs::path& root, const fs::path& candidate) {
  auto [r, c] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return r == root.end();
}

std::optional<std::string> read_regular_file(const fs::path& root, const fs::path& rel) {
  std::error_code ec;
  const fs::path real = fs::canonical(root / rel, ec);
  if (ec || !inside(root, real)) return std::nullopt;
  if (!fs::is_regular_file(real, ec) || ec) return std::nullopt;
  const auto size = fs::file_size(real, ec);
  if (ec || size > kMaxFileBytes) return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  std::string body(static_cast<std::size_t>(size), '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return std::nullopt;
  return body;
}

// Text assets are precompressed at build (web/scripts/compress.mjs writes NAME.br, NAME.gz).
bool compressible(std::string_view filename) {
  const std::string type = content_type_for(filename);
  return type.rfind("text/", 0) == 0 || type.rfind("application/json", 0) == 0 || type == "image/svg+xml" ||
         type == "application/manifest+json";
}

struct Variant {
  std::string body;
  std::string encoding;  // "", "br" or "gzip"
};

// The best stored form of `rel` the client accepts: brotli, then gzip, then the file itself.
std::optional<Variant> read_variant(const fs::path& root, const fs::path& rel, const Request& req) {
  if (compressible(rel.filename().string())) {
    const std::string accept = req.header("accept-encoding").value_or("");
    for (const char* enc : {"br", "gzip"}) {
      if (!accepts_encoding(accept, enc)) continue;
      fs::path packed = rel;
      packed += std::string(".") + (std::string_view(enc) == "br" ? "br" : "gz");
      if (auto body = read_regular_file(root, packed)) return Variant{std::move(*body), enc};
    }
  }
  if (auto body = read_regular_file(root, rel)) return Variant{std::move(*body), ""};
  return std::nullopt;
}

Response file_response(Variant v, const std::string& filename, bool immutable, std::string_view frame_ancestors) {
  Response res;
  res.status = 200;
  res.content_type = content_type_for(filename);
  res.body = std::move(v.body);
  if (!v.encoding.empty()) res.with_header("Content-Encoding", v.encoding);
  if (compressible(filename)) res.with_header("Vary", "Accept-Encoding");
  res.with_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (res.content_type.rfind("text/html", 0) == 0) {
    res.with_header("Content-Security-Policy", html_content_security_policy(frame_ancestors));
  }
  return res;
}

}  // namespace

std::string html_content_security_policy(std::string_view frame_ancestors) {
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
         "media-src 'self' blob:; connect-src 'self' ws: wss:; frame-ancestors " +
         std::string(frame_ancestors) + "; base-uri 'none'; form-action 'self'";
}

bool accepts_encoding(std::string_view accept, std::string_view coding) {
  // RFC 9110 §12.5.3: a comma list of codings, each with an optional ;q= weight; q=0 refuses.
  bool star = false;
  bool named = false;
  bool named_refused = false;
  while (!accept.empty()) {
    auto comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view name = item.substr(0, semi);
    auto trim = [](std::string_view x) {
      while (!x.empty() && (x.front() == ' ' || x.front() == '\t')) x.remove_prefix(1);
      while (!x.empty() && (x.back() == ' ' || x.back() == '\t')) x.remove_suffix(1);
      return x;
    };
    name = trim(name);
    bool refused = false;
    if (semi != std::string_view::npos) {
      std::string_view params = trim(item.substr(semi + 1));
      if (!params.empty() && (params[0] == 'q' || params[0] == 'Q')) {
        std::string_view rest = trim(params.substr(1));
        if (!rest.empty() && rest.front() == '=') {
          std::string_view q = trim(rest.substr(1));
          refused = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
        }
      }
    }
    const bool same =
        name.size() == coding.size() && std::equal(name.begin(), name.end(), coding.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        });
    if (same) {
      named = true;
      named_refused = refused;
    } else if (name == "*") {
      star = !refused;
    }
  }
  return named ? !named_refused : star;
}

std::string content_type_for(std::string_view filename) {
  auto dot = filename.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext(filename.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const auto& [e, type] : kTypes) {
      if (e == ext) return std::string(type);
    }
  }
  return "application/octet-stream";
}

std::optional<Response> serve_static(const std::string& root_dir, const Request& req,
                                     std::string_view frame_ancestors) {
  if (root_dir.empty() || is_api_path(req.path)) return std::nullopt;
  std::error_code ec;
  const fs::path root = fs::canonical(root_dir, ec);
  if (ec) return std::nullopt;

  auto rel = relative_for(req.path);
  if (!rel) return std::nullopt;
  if (rel->empty()) rel = fs::path("index.html");

  if (auto body = read_variant(root, *rel, req)) {
    const bool hashed = req.path.rfind("/assets/", 0) == 0;
    return file_response(std::move(*body), rel->filename().string(), hashed, frame_ancestors);
  }
  // Client-side routes (/manage/<token>, /join/<token>, /staff/...) get the app shell.
  // A missing "/app.js" or hashed asset stays a 404: serving HTML as script hides bugs.
  if (!names_asset(req.path) && req.path.rfind("/assets/", 0) != 0) {
    if (auto index = read_variant(root, "index.html", req))
      return file_response(std::move(*index), "index.html", false, frame_ancestors);
  }
  return std::nullopt;
}

}  // namespace visitd::http
