// `usine --help` and the per-command help texts.
#include "app/commands.h"

namespace usine::app {

const char* const kMainHelp = R"(usine - Usine Ouverte: visit factories in virtual reality and try their jobs.

Usage:
  usine visit MODEL [options]                   visit a model: headset, window or headless tour
  usine render MODEL --out FILE.png [options]   draw a model for both eyes into a picture
  usine bench MODEL [options]                   measure import, upload and frame times
  usine texts [options]                         list the pupils' texts of one language
  usine --help                                  this text
  usine COMMAND --help                          the options of one command

MODEL is a 3D file: glTF/GLB, FBX, OBJ (+MTL), COLLADA (.dae), PLY, STL or OFF.
Files are read in a separate process with a time and a memory limit: a damaged
file gives a message, never a crash.

Every command also takes:
  --verbose            debug lines too (what the headset runtime refused, and why)
  --quiet              warnings and errors only

Environment:
  USINE_LOG=LEVEL      debug, info (default), warning or error; --verbose and --quiet win
  USINE_DATA_DIR=DIR   the pupils' texts and other data (default: assets/ of this build)
  USINE_VALIDATION=1   turn on the Vulkan validation layer (and OpenXR's core validation
                       layer with a headset) and count their messages
  VK_ICD_FILENAMES     choose the Vulkan driver (tests pin Mesa's lavapipe)

Exit codes: 0 done; 2 a problem you can fix (a file, an option, no GPU);
3 an internal failure (please report it); 4 a visit that did not stop within 5 s
of Ctrl+C or SIGTERM; 130 a second Ctrl+C, 1 s or more after the first.
)";

const char* const kRenderHelp = R"(usine render MODEL --out FILE.png [options]

Draws MODEL for a left and a right eye in one pass and writes the picture, left eye
on the left. Without --camera, the model is framed from the front-right, slightly
above. Prints the import, upload and render times.

Options:
  --out FILE.png        picture to write (required)
  --eyes side-by-side   one picture, both eyes next to each other (default)
  --eyes separate       two pictures: FILE-left.png and FILE-right.png
  --size WxH            pixels per eye (default 640x720)
  --eye-distance M      distance between the eyes, in model units (default 0.063)
  --camera X,Y,Z        head position (needs --look)
  --look X,Y,Z          the point the head looks at
  --fov DEGREES         horizontal field of view of each eye (default 90)
  --samples 1|4         multisampling (default: 4 on a graphics card, 1 on a CPU
                        device such as lavapipe, where 4 costs about 3.6 times more)
  --detail auto|full    auto (default): parts far away drawn simpler, never more than
                        a pixel off; full: every triangle, always
  --shadows on|off      the sun's shadows (default: on on a graphics card, off on a
                        CPU device, where they double the frame)
  --passes MODE         auto (default), multiview (both eyes in one pass) or per-eye
                        (one pass per eye; auto picks it only on drivers that get
                        multiview wrong, such as Mesa's lavapipe 22.3)
  --gpu NAME            use the GPU whose name contains NAME (default: the best one)
  --verbose, --quiet    more or fewer lines (see usine --help)
)";

const char* const kVisitHelp = R"(usine visit MODEL [options]

Visits MODEL. The display is chosen at start and the choice is said: a headset when an
OpenXR runtime answers and a headset is there (waiting up to 10 s for it); else a
window when there is a screen; else a headless tour that writes pictures.
With --mode xr it waits for the runtime and the headset as long as needed; Ctrl+C
stops (twice: at once). A lost headset session or runtime is started again.

With a headset: where tracking does not know the floor, or knows it a little wrong,
crouch, hold a controller on the floor and hold trigger and grip for a second: the
controller buzzes, and the visitor sees from their own eye height.

In a window: walk with the keys at W A S D (Z Q S D on a French keyboard) or the up
and down arrows, turn with Q E (A E) or the left and right arrows, hold the right
mouse button to look around, point with the mouse, select with a left click or Space,
grab with F, menu with Tab. In a panel, the up and down arrows move, Enter chooses,
Escape closes it; Escape with no panel open quits. The window's title shows the keys
as your keyboard names them.

Options:
  --mode xr|desktop|headless   use this display, whatever is found
  --tour SCRIPT         headless: the tour to play (poses, presses; see
                        engine/display/tour_script.h); default: a walk along the model
  --out FOLDER          headless: where the pictures go (default out/tour)
  --language fr|en      the language the visit starts in (default fr; the menu
                        switches it at any time)
  --seated              the visitor sits: their eyes are lifted to standing height
  --eye-height M        standing eye height used when the headset cannot tell, or seated
                        (default 1.50)
  --height-offset M     raise (or lower, negative) the visitor's eyes, -1 to 1
  --left-handed         turn with the left stick, walk with the right one
  --spectator           with a headset: also show what the visitor sees in a window
                        (for a projector); closing it ends the visit
  --frames N            end the visit after N frames (demonstrations, tests)
  --start X,Y,Z         where the visitor's feet start, facing -Z (default: at the
                        front of the model)
  --headset-wait S      without --mode: seconds to wait for a headset (default 10)
  --size WxH            headless: pixels per eye (default: the tour's); window: its
                        size (default 1280x720)
  --samples 1|4, --detail auto|full, --shadows on|off, --passes MODE, --gpu NAME
                        as for usine render
  --verbose, --quiet    more or fewer lines (see usine --help)
)";

const char* const kTextsHelp = R"(usine texts [options]

Lists every text pupils see in one language, one "KEY<tab>TEXT" line each, as the
visit reads them (French typography applied). Proofread them all at once, or feed
them to tools/draft-narration.

Options:
  --language fr|en      the language (default fr)
  --prefix P            only the keys starting with P (e.g. narration.)
  --verbose, --quiet    more or fewer lines (see usine --help)
)";

const char* const kBenchHelp = R"(usine bench MODEL [options]

Renders MODEL headless for a number of frames and prints triangles and draw commands
after culling and levels of detail, import and upload times, and the median and 95th
percentile of the CPU time per frame (recording + submission) and of the GPU time per
frame (timestamp queries).

Options:
  --frames N            frames to measure after 10 warm-up frames (default 200)
  --tour FILE           a walk instead of a still view: the head follows the tour
                        script (engine/display/tour_script.h), one measured frame per
                        script frame; the view's size and field of view stay the
                        bench's. Triangles and draw commands are then the most of
                        any frame
  --mono                one eye at the head, drawn alone at --size (to compare with
                        renderers that draw one view)
  --size WxH            pixels per eye (default 640x720)
  --samples 1|4, --detail auto|full, --shadows on|off, --passes MODE,
  --camera X,Y,Z --look X,Y,Z,
  --eye-distance M, --fov DEGREES, --gpu NAME
                        as for usine render
  --verbose, --quiet    more or fewer lines (see usine --help)
)";

} // namespace usine::app
