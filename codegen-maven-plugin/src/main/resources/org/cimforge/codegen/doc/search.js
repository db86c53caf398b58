// cimforge:doc search: filters window.cimforgeClasses (from search-index.js) as the reader types. Without
// JavaScript the form stays hidden and the grouped list below it is the index.
(function () {
  'use strict';
  var form = document.getElementById('search');
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  var classes = window.cimforgeClasses || [];
  if (!form || !input || !results) {
    return;
  }
  var LIMIT = 100;

  function matchingMembers(entry, query) {
    return entry.k.split(' ').filter(function (member) {
      return member && member.toLowerCase().indexOf(query) >= 0;
    });
  }

  function item(entry, members) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = 'classes/' + entry.n + '.html';
    a.textContent = entry.n;
    li.appendChild(a);
    entry.m.split(' ').forEach(function (marker) {
      if (marker) {
        var badge = document.createElement('span');
        badge.className = 'marker ' + marker;
        badge.textContent = marker;
        li.appendChild(document.createTextNode(' '));
        li.appendChild(badge);
      }
    });
    var note = members.length ? 'declares ' + members.slice(0, 5).join(', ') : entry.s;
    if (note) {
      var span = document.createElement('span');
      span.className = 'summary';
      span.textContent = ' ' + note;
      li.appendChild(span);
    }
    return li;
  }

  function update() {
    var query = input.value.trim().toLowerCase();
    results.textContent = '';
    if (!query) {
      results.hidden = true;
      return;
    }
    var byName = [];
    var byMember = [];
    classes.forEach(function (entry) {
      if (entry.n.toLowerCase().indexOf(query) >= 0) {
        byName.push(item(entry, []));
      } else {
        var members = matchingMembers(entry, query);
        if (members.length) {
          byMember.push(item(entry, members));
        }
      }
    });
    var shown = byName.concat(byMember);
    shown.slice(0, LIMIT).forEach(function (li) { results.appendChild(li); });
    if (shown.length === 0) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'No class or member matches "' + input.value.trim() + '".';
      results.appendChild(none);
    } else if (shown.length > LIMIT) {
      var more = document.createElement('li');
      more.className = 'none';
      more.textContent = (shown.length - LIMIT) + ' more; type more of the name.';
      results.appendChild(more);
    }
    results.hidden = false;
  }

  form.hidden = false;
  input.addEventListener('input', update);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var first = results.querySelector('a');
    if (first) {
      window.location.href = first.href;
    }
  });
  update();
})();
