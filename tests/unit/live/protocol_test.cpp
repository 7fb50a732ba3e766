// The codec: typed messages in and out, and the document that promises them (fault J11: the
// document must list exactly what the server accepts and emits).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <boost/json/parse.hpp>

#include "live/peer.hpp"
#include "live/protocol.hpp"
#include "live/ws_errors.hpp"

namespace visitd::live::protocol {
namespace {

namespace json = boost::json;

json::object decoded(const ServerMessage& m) { return json::parse(encode(m)).as_object(); }

TEST(Protocol, ParsesEachClientMessageIntoItsType) {
  auto in = parse(R"({"type":"chat.send","text":"hi","clientId":"c1"})");
  ASSERT_EQ(in.type, ClientType::chat_send);
  ASSERT_TRUE(in.body.ok());
  EXPECT_EQ(std::get<ChatSend>(*in.body).text, "hi");
  EXPECT_EQ(std::get<ChatSend>(*in.body).client_id, "c1");

  in = parse(R"({"type":"signal.ice","to":"p2","candidate":{"candidate":"a=1","sdpMid":"0"}})");
  ASSERT_TRUE(in.body.ok());
  const auto& ice = std::get<SignalIn>(*in.body);
  EXPECT_EQ(ice.to, "p2");
  EXPECT_EQ(json::parse(ice.candidate_json).as_object().at("sdpMid").as_string(), "0");

  in = parse(R"({"type":"auth","token":"t","lastSeq":7,"watch":true})");
  ASSERT_TRUE(in.body.ok());
  EXPECT_EQ(std::get<Auth>(*in.body).last_seq, std::optional<std::int64_t>(7));
  EXPECT_TRUE(std::get<Auth>(*in.body).watch);
}

TEST(Protocol, KnowsTheTypeEvenWhenTheFieldsAreWrong) {
  auto in = parse(R"({"type":"lobby.admit"})");
  EXPECT_EQ(in.type, ClientType::lobby_admit);
  ASSERT_FALSE(in.body.ok());
  EXPECT_EQ(in.body.error().fields.at(0).field, "participantId");
  in = parse(R"({"type":"chat.edit","seq":0,"text":"x"})");
  EXPECT_EQ(in.body.error().fields.at(0).field, "seq");
  in = parse(R"({"type":"signal.ice","to":"p","candidate":"text"})");
  EXPECT_EQ(in.body.error().fields.at(0).field, "candidate");
}

TEST(Protocol, RefusesWhatIsNoMessage) {
  for (const char* text : {"[]", "not json", "{\"type\":\"chat.shout\"}", "{}"}) {
    auto in = parse(text);
    EXPECT_FALSE(in.type.has_value()) << text;
    EXPECT_EQ(to_ws(in.body.error()).code, ErrorCode::invalid) << text;
  }
  EXPECT_EQ(parse(R"({"type":"chat.shout"})").ref, "chat.shout");
}

TEST(Protocol, AnyMangledMessageParsesToATypeOrAnErrorNeverAThrow) {
  const std::string valid = R"({"type":"signal.ice","to":"p2","candidate":{"candidate":"a","sdpMLineIndex":0}})";
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 5000; ++i) {
    std::string text = valid;
    for (int k = 0; k < 1 + static_cast<int>(next() % 4); ++k) {
      const auto pos = next() % text.size();
      switch (next() % 3) {
        case 0:
          text[pos] = static_cast<char>(next() % 128);
          break;
        case 1:
          text.erase(pos, 1 + next() % 8);
          break;
        default:
          text.insert(pos, 1, "{}[]\":,0"[next() % 9]);
      }
      if (text.empty()) text = "{";
    }
    Inbound in;
    ASSERT_NO_THROW(in = parse(text)) << text;
    EXPECT_TRUE(in.body.ok() ? in.type.has_value() : !in.body.error().detail.empty()) << text;
  }
}

TEST(Protocol, PeeksTheTypeForErrorsAboutAWholeMessage) {
  EXPECT_EQ(peek_type(R"({"type":"chat.typing","typing":true})"), "chat.typing");
  EXPECT_EQ(peek_type("garbage"), "");
  EXPECT_EQ(peek_type(R"({"type":42})"), "");
}

TEST(Protocol, EncodesTypedMessagesWithTheirTypeFirst) {
  const std::string text = encode(ErrorOut{ErrorCode::rate_limited, "too many messages", "chat.send"});
  EXPECT_EQ(text.rfind(R"({"type":"error")", 0), 0u);
  auto e = decoded(ErrorOut{ErrorCode::rate_limited, "too many messages", "chat.send"});
  EXPECT_EQ(e.at("code").as_string(), "rate-limited");
  EXPECT_EQ(e.at("ref").as_string(), "chat.send");

  auto sig = decoded(SignalOut{ServerType::signal_ice, "p1", "", R"({"candidate":"c"})"});
  EXPECT_EQ(sig.at("type").as_string(), "signal.ice");
  EXPECT_EQ(sig.at("candidate").as_object().at("candidate").as_string(), "c");
  EXPECT_TRUE(decoded(SignalOut{ServerType::signal_ice, "p1", "", "null"}).at("candidate").is_null());

  ParticipantView you{"h1", "Dr Host", core::RoomRole::host, std::nullopt, true, false, false};
  auto w = decoded(Welcome{"bk_1", you, {}, std::vector<ParticipantView>{}, 0, false, true, {}});
  EXPECT_FALSE(w.at("you").as_object().contains("state"));  // a watcher has no lobby state
  EXPECT_TRUE(w.at("watching").as_bool());
}

TEST(Protocol, EveryEnumeratedTypeAndCodeHasOneDistinctSpelling) {
  std::set<std::string_view> seen;
  for (auto t : all_client_types()) EXPECT_TRUE(seen.insert(to_string(t)).second) << to_string(t);
  seen.clear();
  for (auto t : all_server_types()) EXPECT_TRUE(seen.insert(to_string(t)).second) << to_string(t);
  seen.clear();
  for (auto c : all_error_codes()) EXPECT_TRUE(seen.insert(to_string(c)).second) << to_string(c);
  for (auto t : all_client_types()) EXPECT_EQ(client_type_from_string(to_string(t)), t);
}

TEST(WsErrors, EachRefusalMapsToItsCodeAndCloseCode) {
  using core::Error;
  using core::ErrorCode;
  EXPECT_EQ(to_ws(Error::typed(ErrorCode::forbidden, "not-admitted", "")).code, protocol::ErrorCode::not_admitted);
  EXPECT_EQ(to_ws(Error::make(ErrorCode::forbidden, "")).code, protocol::ErrorCode::forbidden);
  EXPECT_EQ(to_ws(Error::make(ErrorCode::gone, "")).close_code, live::close_code::kTokenExpired);
  EXPECT_EQ(to_ws(join_refusal_error(core::JoinRefusal::denied)).close_code, live::close_code::kDenied);
  EXPECT_EQ(to_ws(join_refusal_error(core::JoinRefusal::ended)).close_code, live::close_code::kEnded);
  EXPECT_EQ(to_ws(join_refusal_error(core::JoinRefusal::too_late)).code, protocol::ErrorCode::room_too_late);
  EXPECT_EQ(to_ws(join_refusal_error(core::JoinRefusal::too_early)).close_code, live::close_code::kClosed);
  const auto limited = to_ws(Error::make(ErrorCode::rate_limited, ""));
  EXPECT_EQ(limited.code, protocol::ErrorCode::rate_limited);
  EXPECT_TRUE(limited.fatal);
  EXPECT_EQ(limited.close_code, live::close_code::kPolicy);
  EXPECT_EQ(to_ws(Error::make(ErrorCode::unavailable, "")).code, protocol::ErrorCode::unavailable);
}

// ---- the document and the server agree ----

std::string document() {
  std::ifstream in(std::string(VISITD_SOURCE_DIR) + "/docs/live-protocol.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The backticked names in the first column of the table under `heading` (up to the next heading).
std::set<std::string> first_column(const std::string& doc, const std::string& heading) {
  std::set<std::string> out;
  auto at = doc.find("\n" + heading + "\n");
  if (at == std::string::npos) {
    ADD_FAILURE() << "docs/live-protocol.md has no section " << heading;
    return out;
  }
  std::istringstream lines(doc.substr(at + heading.size() + 2));
  std::string line;
  bool header_seen = false;
  const std::regex code("`([^`]+)`");
  while (std::getline(lines, line)) {
    if (line.rfind("#", 0) == 0) break;
    if (line.rfind("|", 0) != 0) continue;
    if (!header_seen || line.rfind("| ---", 0) == 0) {
      header_seen = true;
      continue;
    }
    const std::string cell = line.substr(1, line.find('|', 1) - 1);
    for (std::sregex_iterator it(cell.begin(), cell.end(), code), end; it != end; ++it) out.insert((*it)[1]);
  }
  return out;
}

template <class R>
std::set<std::string> spelled(const R& values) {
  std::set<std::string> out;
  for (auto v : values) out.emplace(to_string(v));
  return out;
}

TEST(ProtocolDocument, ListsExactlyTheMessageTypesTheServerAccepts) {
  EXPECT_EQ(first_column(document(), "### Client → server"), spelled(all_client_types()));
}

TEST(ProtocolDocument, ListsExactlyTheMessageTypesTheServerSends) {
  EXPECT_EQ(first_column(document(), "### Server → client"), spelled(all_server_types()));
}

TEST(ProtocolDocument, ListsExactlyTheErrorCodesTheServerSends) {
  EXPECT_EQ(first_column(document(), "### Error codes"), spelled(all_error_codes()));
}

TEST(ProtocolDocument, ListsExactlyTheCloseCodes) {
  std::set<std::string> server{"1000"};  // a client's normal close
  for (int code : live::close_code::kAll) server.insert(std::to_string(code));
  // The close-code table's first column is a plain number.
  const std::string doc = document();
  const auto at = doc.find("\n### Close codes\n");
  ASSERT_NE(at, std::string::npos);
  std::set<std::string> documented;
  std::istringstream lines(doc.substr(at + 17));
  const std::regex row(R"(^\| (\d{4}) \|)");
  std::string line;
  std::smatch m;
  while (std::getline(lines, line) && line.rfind("#", 0) != 0) {
    if (std::regex_search(line, m, row)) documented.insert(m[1]);
  }
  EXPECT_EQ(documented, server);
}

TEST(ProtocolDocument, ListsExactlyThePreviewStatuses) {
  std::set<std::string> server;
  for (auto s : all_preview_statuses()) server.emplace(s);
  EXPECT_EQ(first_column(document(), "### Room preview status"), server);
}

}  // namespace
}  // namespace visitd::live::protocol
