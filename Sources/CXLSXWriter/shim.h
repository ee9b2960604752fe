// libxlsxwriter's C API, as installed by Debian's libxlsxwriter-dev (1.1.4).
#include <xlsxwriter.h>
