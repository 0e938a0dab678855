#pragma once
// What the screens work with, and how data flows between them and the app, one way as in ImGuiIO:
// - UiSettings: the kiosk's settings (config and options), owned by the app, read by the screens;
// - UiEnv: built once per bundle (content, text pipeline, clock and place, map), plus what the screens keep
//   between frames: caches (search index, routes, the list), accessibility items, what was last said;
// - FrameInput: one frame's input, passed in by begin_frame; FrameOutput: what the frame asks of the app
//   (speech, freeing memory after a visit), taken by end_frame.
// The screens change the Session and the env's caches; the app writes neither during a frame.

#include <imgui.h>

#include <future>
#include <map>
#include <memory>
#include <string>

#include "core/bundle/content_loader.h"
#include "core/geo/qr_code.h"
#include "core/hours/holiday_calendar.h"
#include "core/hours/opening_hours.h"
#include "core/hours/time_format.h"
#include "core/hours/time_zone.h"
#include "core/i18n/i18n_catalog.h"
#include "core/mapdata/map_data.h"
#include "core/routing/directions.h"
#include "core/routing/router.h"
#include "core/search/search.h"
#include "core/search/service_query.h"
#include "map/map_labels.h"
#include "map/map_markers.h"
#include "map/map_renderer.h"
#include "text/text_engine.h"
#include "ui/a11y.h"
#include "ui/session.h"
#include "ui/theme.h"

namespace kiosk::ui {

// The kiosk's settings: where the config or the command line sets no per-visit choice.
struct UiSettings {
  int text_percent = 100;
  bool high_contrast = false;
  bool low_reach = false;
  bool smooth_textures = true;  // false on SDL's software renderer (no filtering when turned)
  double idle_seconds = 90;     // without input before the warning
  double warning_seconds = 30;  // the warning's countdown (at least 20 s)
};

// One frame's input.
struct FrameInput {
  ImVec2 size{1920, 1080};  // the area the UI lays out in (with low reach, the lower part of the screen)
  float unit = 0;           // one design pixel; 0: from size (low reach passes the full screen's)
  LocalDateTime now;
  double clock = 0;      // seconds, monotonic
  bool touched = false;  // the resident touched or pressed something since the last frame
  NavKeys nav;           // keys of a keyboard or keypad
  // Pinch zoom (SDL multi-gesture, or a script): factor and centre.
  float pinch_factor = 1;
  ImVec2 pinch_center{0, 0};
};

struct Utterance {
  std::string text, locale;
  bool interrupt = true;  // stop what is being said first
};

// What a frame asks of the app.
struct FrameOutput {
  std::vector<Utterance> speech;  // to read aloud, in order
  bool visit_ended = false;       // a visit ended: free drawing buffers once the frame is shown
};

struct UiEnv {
  const UiSettings* settings = nullptr;  // the app's
  const Content* content = nullptr;
  text::TextEngine* text = nullptr;
  std::unique_ptr<SearchIndex> search_index;  // built on first use: ICU's transliterators take a while
  std::optional<ZoneClock> zone;
  HolidayCalendar calendar;
  OhContext hours;
  const KioskPlace* kiosk = nullptr;           // where this kiosk stands; null: the area's centre
  std::optional<KioskPlace> configured_place;  // from the kiosk's local config (kiosk points here then)
  GeoPoint here;
  Theme theme = theme_normal();
  // The bundle's own pictograms (pictograms/<icon>.png of its categories), read once per bundle.
  std::map<std::string, text::Image, std::less<>> pictures;
  bool pictograms_only = false;  // this frame: the visit chose pictograms with very short words
  // The city map; null when the kiosk has none or it could not be loaded (map_error says why).
  std::shared_ptr<const MapData> map;
  std::string map_error;
  // The map while another thread loads and checks it (start_map_load): a metropolis's map takes a few
  // hundred milliseconds, and the attract screen need not wait for it.
  std::future<std::shared_ptr<const MapData>> map_loading;
  std::unique_ptr<Router> router;  // built on first use
  // Walking metres from the kiosk to each service (bundle order; NaN: no route), per profile: one search
  // over the network on first use, so that lists show the minutes the detail screen's route shows.
  std::vector<float> walk_m[2];
  RouteSpeeds speeds;
  std::vector<map::MapMarker> markers;  // every service with a place, in map coordinates
  // The list screen's services, kept while its query is the same (the minute, the filters, ...): a
  // metropolis has thousands in a category, and a frame must cost what is visible, not the whole list.
  struct ListCache {
    std::string category, language;
    ServiceFilters filters;
    LocalDateTime now;
    RouteProfile profile = RouteProfile::foot;
    bool valid = false;
    std::vector<ListedService> items;
  } list_cache;
  map::MapScratch map_scratch;
  map::LabelScratch label_scratch;
  // The way to the service on screen, for one profile and language (computed once, drawn every frame).
  struct Directions {
    std::string service, locale;
    RouteProfile profile = RouteProfile::foot;
    std::optional<Route> route;
    NoRoute why_none = NoRoute::none;  // when there is no route
    bool walk_exists = true;           // no step-free route: whether one on foot exists to suggest
    std::vector<RouteStep> steps;
    std::string qr_text;
    std::optional<QrCode> qr;
  } directions;
  // Accessibility: what this frame drew (and the last frame's, which the keys move through), the control
  // Enter chose, and where the focus is.
  A11yFrame a11y, last_a11y;
  ImGuiID focus = 0;                // the session's focus, for this frame's drawing
  ImGuiID activate = 0;             // the control chosen by Enter this frame
  bool focus_moved = false;         // by a key this frame: scroll the focused control into view
  ImRect scroll_view;               // this frame's scrolling area, if the screen has one (empty otherwise)
  std::string last_spoken;          // for tests (wiped with the visit)
  std::vector<std::string> voices;  // the bundle's locales that espeak-ng can speak (sorted; set when built)

  // This frame: its input, and what begin_frame derives from it and the session.
  FrameInput input;
  LocalDateTime now;
  double clock = 0;  // seconds, monotonic
  ImVec2 size{1920, 1080};
  float unit = 1;  // one design pixel (the short side is 1080 design pixels)
  std::string locale;
  bool rtl = false;
  RouteProfile profile = RouteProfile::foot;  // the visit's: on foot or step-free
  FormatContext fmt;
  TimeFormats* time_formats = nullptr;  // the app's: kept across bundle reloads
  FrameOutput output;                   // collected during the frame; end_frame hands it over

  [[nodiscard]] const TimeFormat& time_format();
  [[nodiscard]] const SearchIndex& search();
  [[nodiscard]] bool portrait() const { return size.y > size.x; }
};

// Builds the environment for a loaded bundle (search index, time zone, holidays, kiosk place). Content,
// text engine, time formats and settings must outlive it.
std::unique_ptr<UiEnv> make_env(const Content& content, text::TextEngine& text, TimeFormats& time_formats,
                                const UiSettings& settings, const std::string& kiosk_id);

// The kiosk's local config places it (location, heading) where the bundle's place is missing or differs.
void place_kiosk(UiEnv& env, const std::optional<GeoPoint>& location, const std::optional<double>& heading_deg);
// Starts loading and checking the compiled map on another thread; finish_map_load takes it.
void start_map_load(UiEnv& env, const std::filesystem::path& kmap);
// Takes the map started by start_map_load once it is ready (or, with wait, when it is): sets env.map and
// the markers, or map_error for a corrupt or missing file. True when it took one this call.
bool finish_map_load(UiEnv& env, bool wait);
// Loads the compiled map (a corrupt or missing file leaves env.map empty and says why in map_error) and
// places every service on it.
void attach_map(UiEnv& env, const std::filesystem::path& kmap);

// The router for the map, with the bundle's walking radius (built on first use; needs env.map).
Router& router(UiEnv& env);
// Where walks start: the kiosk's place, on its level.
Spot here_spot(const UiEnv& env);
// The route and directions to a service for the visit's profile and language (cached in env).
const UiEnv::Directions& directions_to(UiEnv& env, const Service& sv, RouteProfile profile);

// The services of the list screen for this query, from env.list_cache when the query has not changed.
const std::vector<ListedService>& listed_services(UiEnv& env, const ServiceQuery& q);

// walk_m for the visit's profile (computed on first use; empty without a map).
const std::vector<float>& walking_distances(UiEnv& env);
// Minutes from the kiosk to a listed service for the visit's profile: along the route where the map has
// one (as the detail screen says), else the straight-line estimate. Not for a service too far to walk.
int walk_minutes_to(UiEnv& env, const ListedService& ls);

// Starts a frame: takes its input and sets the per-frame fields for the session's locale and theme.
void begin_frame(UiEnv& env, const Session& s, const FrameInput& input);
// Ends a frame: what it asks of the app (speech, memory to free).
FrameOutput end_frame(UiEnv& env);

// The name a resident sees for a service: its own, else its category's.
std::string service_name(const UiEnv& env, const Service& sv);

// The language to read aloud in: the UI language when it has a voice, else the visit's choice ("" none).
std::string speech_locale(const UiEnv& env, const Session& s);
// Queues text to be read aloud (when the visit has speech on).
void say(UiEnv& env, const Session& s, std::string text, bool interrupt = true);
// The whole screen as read aloud: every text and control of a frame, in reading order.
std::string screen_reading(const UiEnv& env, const A11yFrame& frame);
// One control as read when the keys reach it: its label, what it shows inside, its role and state.
std::string control_reading(const UiEnv& env, const A11yFrame& frame, const A11yItem& item);

// The UI string for key in the current locale (never the key itself).
std::string tr(const UiEnv& env, std::string_view key, const std::vector<MessageArg>& args = {});
// A content text in the current locale, falling back along the chain, then to any translation.
std::string pick(const UiEnv& env, const LocalizedText& t);
// Left-to-right text (a web address, a phone number, an English credit) kept in its order in a
// right-to-left UI: isolated there, unchanged otherwise.
std::string ltr(const UiEnv& env, const std::string& s);

}  // namespace kiosk::ui
