// The customer's tracking page: polls trackVisit every 10 s and shows the visit. No framework;
// everything the server sends is put in with textContent, never as HTML.
(function () {
  'use strict';

  var POLL_MS = 10000;
  var QUERY =
    'query TrackVisit($token: String!) { trackVisit(token: $token) { organizationName ' +
    'workOrderNumber status technicianFirstName technicianPhotoUrl etaAt scheduledStart ' +
    'windowStart windowEnd position { lat lng recordedAt } destination { lat lng } updatedAt expiresAt } }';
  var STATUS = {
    SCHEDULED: 'Scheduled',
    ON_THE_WAY: 'On the way',
    ARRIVED: 'Arrived',
    IN_PROGRESS: 'Work in progress',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
  };

  var token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  var $ = function (id) {
    return document.querySelector('[data-testid="' + id + '"]');
  };
  var map = null;
  var layer = null;
  var fitted = false;
  var timer = null;

  function time(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function day(iso) {
    var d = new Date(iso);
    var today = new Date();
    var tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
    if (d.toDateString() === today.toDateString()) return 'today';
    if (d.toDateString() === tomorrow.toDateString()) return 'tomorrow';
    return d.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' });
  }

  function etaText(v) {
    if (v.status === 'ON_THE_WAY' && v.etaAt) {
      var minutes = Math.max(1, Math.round((Date.parse(v.etaAt) - Date.now()) / 60000));
      return 'Arriving in about ' + minutes + ' min · ' + time(v.etaAt);
    }
    if (v.status === 'SCHEDULED' || v.status === 'ON_THE_WAY') {
      if (v.windowStart && v.windowEnd)
        return (
          'Expected ' +
          day(v.windowStart) +
          ' between ' +
          time(v.windowStart) +
          ' and ' +
          time(v.windowEnd)
        );
      if (v.scheduledStart)
        return 'Expected ' + day(v.scheduledStart) + ' at ' + time(v.scheduledStart);
    }
    if (v.status === 'ARRIVED') return 'Your technician is at the door';
    if (v.status === 'COMPLETED') return 'The work is done. Thank you!';
    if (v.status === 'CANCELLED') return 'This visit was cancelled.';
    return '';
  }

  function initials(name) {
    return (name || '?').trim().charAt(0).toUpperCase();
  }

  function showTechnician(v) {
    var box = $('technician');
    if (!v.technicianFirstName) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    $('tech-name').textContent = v.technicianFirstName;
    var avatar = $('avatar');
    var photo = v.technicianPhotoUrl;
    var current = avatar.getAttribute('data-photo') || '';
    if (photo && /^(https:|data:image\/)/.test(photo)) {
      if (current === photo) return;
      var img = document.createElement('img');
      img.alt = '';
      img.referrerPolicy = 'no-referrer';
      img.src = photo;
      img.onerror = function () {
        avatar.textContent = initials(v.technicianFirstName);
      };
      avatar.replaceChildren(img);
      avatar.setAttribute('data-photo', photo);
    } else {
      avatar.textContent = initials(v.technicianFirstName);
      avatar.removeAttribute('data-photo');
    }
  }

  function showMap(v) {
    var box = $('map');
    var legend = $('legend');
    if (!v.position || typeof L === 'undefined') {
      box.hidden = true;
      legend.hidden = true;
      return;
    }
    box.hidden = false;
    legend.hidden = false;
    $('legend-tech').textContent = v.technicianFirstName || 'Technician';
    if (!map) {
      map = L.map(box, { scrollWheelZoom: false, attributionControl: true });
      L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 19,
        attribution: '&copy; OpenStreetMap contributors',
      }).addTo(map);
      layer = L.layerGroup().addTo(map);
    }
    layer.clearLayers();
    var points = [[v.position.lat, v.position.lng]];
    L.circleMarker(points[0], {
      radius: 10,
      color: '#fff',
      weight: 3,
      fillColor: '#1565c0',
      fillOpacity: 1,
    })
      .bindTooltip(v.technicianFirstName || 'Technician')
      .addTo(layer);
    if (v.destination) {
      points.push([v.destination.lat, v.destination.lng]);
      L.circleMarker(points[1], {
        radius: 9,
        color: '#fff',
        weight: 3,
        fillColor: '#2e7d32',
        fillOpacity: 1,
      })
        .bindTooltip('You')
        .addTo(layer);
    }
    // Fit once; later polls keep the customer's own zoom and pan.
    if (!fitted) {
      map.invalidateSize();
      if (points.length > 1) map.fitBounds(points, { padding: [40, 40], maxZoom: 16 });
      else map.setView(points[0], 15);
      fitted = true;
    }
  }

  function render(v) {
    document.title = (STATUS[v.status] || 'Your visit') + ' · ' + v.organizationName;
    $('org').textContent = v.organizationName;
    $('number').textContent = 'WO-' + v.workOrderNumber;
    var status = $('status');
    status.textContent = STATUS[v.status] || v.status;
    status.classList.toggle('done', v.status === 'COMPLETED');
    status.classList.toggle('stopped', v.status === 'CANCELLED');
    $('eta').textContent = etaText(v);
    showTechnician(v);
    showMap(v);
    $('message').hidden = true;
    $('updated').textContent =
      'Updated ' +
      time(new Date().toISOString()) +
      ' · this link works until ' +
      day(v.expiresAt) +
      ' ' +
      time(v.expiresAt);
  }

  /** An ended or unknown link: say so clearly and stop asking. */
  function ended(expired) {
    $('status').textContent = expired ? 'This link has expired' : 'This link is not valid';
    $('status').classList.add('stopped');
    $('eta').textContent = expired
      ? 'The visit is over or the link was withdrawn. Contact the company if you need help.'
      : 'Check that you opened the whole link from your message.';
    $('technician').hidden = true;
    $('map').hidden = true;
    $('legend').hidden = true;
    $('number').textContent = '';
    $('updated').textContent = '';
    if (timer) clearInterval(timer);
    timer = null;
  }

  function trouble(text) {
    var m = $('message');
    m.textContent = text;
    m.hidden = false;
  }

  function poll() {
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: QUERY,
        variables: { token: token },
        operationName: 'TrackVisit',
      }),
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
      .then(function (res) {
        if (res.status === 429) {
          trouble('Busy right now; trying again shortly.');
          return null;
        }
        return res.json();
      })
      .then(function (body) {
        if (!body) return;
        var error = body.errors && body.errors[0];
        if (error) {
          var ext = error.extensions || {};
          if (ext.reason === 'TRACKING_LINK_EXPIRED') return ended(true);
          if (ext.code === 'NOT_FOUND' || ext.code === 'BAD_USER_INPUT') return ended(false);
          return trouble('Could not load the latest update; trying again.');
        }
        var v = body.data && body.data.trackVisit;
        if (!v) return trouble('Could not load the latest update; trying again.');
        render(v);
      })
      .catch(function () {
        trouble('No connection; trying again.');
      });
  }

  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) {
    ended(false);
    return;
  }
  poll();
  timer = setInterval(poll, POLL_MS);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && timer) poll();
  });
})();
