/* synpunkt-core.h: everything of libsynpunkt-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-calendar.h"
#include "sp-case.h"
#include "sp-case-event.h"
#include "sp-case-query.h"
#include "sp-category.h"
#include "sp-contract-issue.h"
#include "sp-date.h"
#include "sp-deadline.h"
#include "sp-demo.h"
#include "sp-disclosure-request.h"
#include "sp-entity.h"
#include "sp-enums.h"
#include "sp-error.h"
#include "sp-investigation.h"
#include "sp-json.h"
#include "sp-json-read.h"
#include "sp-json-write.h"
#include "sp-letter.h"
#include "sp-planned-action.h"
#include "sp-provider.h"
#include "sp-replica.h"
#include "sp-store.h"
#include "sp-store-worker.h"
#include "sp-csv.h"
#include "sp-period.h"
#include "sp-stats.h"
#include "sp-stats-json.h"
#include "sp-stats-signals.h"
#include "sp-unit.h"
#include "sp-user.h"
#include "sp-workflow.h"
